/**
 * Marks a number parameter or property as an integer: `@Query('limit', { type: Int })`.
 * TypeScript reflects every number as `Number`, so integer-ness has to be said.
 */
export abstract class Int {
  private constructor() {}
}
