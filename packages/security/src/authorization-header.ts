/** An `Authorization` header split into its scheme and credentials. */
export interface AuthorizationParts {
  readonly scheme: string;
  readonly credentials: string;
}

/**
 * Splits an `Authorization` header as FastAPI does: at the first space; the
 * credentials are trimmed, the scheme is kept as sent (compare it
 * case-insensitively). An absent or empty header gives two empty strings.
 */
export function parseAuthorizationHeader(value: string | undefined): AuthorizationParts {
  if (!value) return { scheme: '', credentials: '' };
  const space = value.indexOf(' ');
  if (space < 0) return { scheme: value, credentials: '' };
  return { scheme: value.slice(0, space), credentials: value.slice(space + 1).trim() };
}

/** Whether `scheme` names `expected`, ignoring case (`bearer` is `Bearer`). */
export function isScheme(scheme: string, expected: string): boolean {
  return scheme.length === expected.length && scheme.toLowerCase() === expected.toLowerCase();
}
