/**
 * Marks a parameter or DTO property as a UUID: `@Path('item_id', { type: UUID }) itemId: string`.
 * The value is a string, validated as Pydantic validates a `UUID` (hyphenated,
 * 32 hex digits, `{...}` or `urn:uuid:...`, any case) and normalised to the
 * lowercase hyphenated form. Never instantiated: it only names a type.
 */
export abstract class UUID {
  declare private readonly brand: 'uuid';
}
