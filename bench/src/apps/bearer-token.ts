/**
 * The token of `Authorization: Bearer <token>` (scheme compared without case,
 * token trimmed, as FastAPI reads it), or `undefined`.
 */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const space = header.indexOf(' ');
  const scheme = space < 0 ? header : header.slice(0, space);
  if (scheme.toLowerCase() !== 'bearer') return undefined;
  return space < 0 ? '' : header.slice(space + 1).trim();
}
