/**
 * An object literal (or `Object.create(null)`): what JSON parsing produces and
 * what `JSON.stringify` writes field by field. Arrays, class instances,
 * Buffers and streams are not.
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  // Some realm's `Object.prototype` (the one whose own prototype is null): objects from `structuredClone` or a vm context count too.
  return proto === null || Object.getPrototypeOf(proto) === null;
}
