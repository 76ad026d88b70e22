/**
 * What a handler may return to be sent as it is, not as JSON: bytes, a Node
 * stream, or a web `Response` / `ReadableStream` (Fastify sends each of them
 * itself).
 */
export function isPassthrough(value: object): boolean {
  return (
    Buffer.isBuffer(value) ||
    value instanceof Uint8Array ||
    typeof (value as { pipe?: unknown }).pipe === 'function' ||
    value instanceof ReadableStream ||
    value instanceof Response
  );
}
