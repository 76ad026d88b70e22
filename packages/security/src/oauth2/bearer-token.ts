import type { ConnectionContext } from '@deft/core';
import { isScheme } from '../authorization-header';

/**
 * The token of an `Authorization: Bearer <token>` header (`""` for a bare
 * `Bearer`), or `undefined` when the header is absent or has another scheme.
 */
export function bearerToken(context: ConnectionContext): string | undefined {
  const header = context.header('authorization');
  if (!header) return undefined;
  // As parseAuthorizationHeader splits it, without making the parts.
  const space = header.indexOf(' ');
  const scheme = space < 0 ? header : header.slice(0, space);
  if (!isScheme(scheme, 'bearer')) return undefined;
  return space < 0 ? '' : header.slice(space + 1).trim();
}
