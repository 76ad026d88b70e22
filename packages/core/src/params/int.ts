/**
 * Marks a number parameter or property as an integer: `@Query('limit', { type: Int })`.
 * TypeScript reflects every number as `Number`, so integer-ness has to be said.
 * Never instantiated: it only names a type.
 */
export abstract class Int {
  declare private readonly brand: 'int';
}
