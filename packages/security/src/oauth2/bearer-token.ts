import type { ConnectionContext } from '@deft/core';
import { isScheme, parseAuthorizationHeader } from '../authorization-header';

/**
 * The token of an `Authorization: Bearer <token>` header (`""` for a bare
 * `Bearer`), or `undefined` when the header is absent or has another scheme.
 */
export function bearerToken(context: ConnectionContext): string | undefined {
  const header = context.header('authorization');
  const { scheme, credentials } = parseAuthorizationHeader(header);
  return header && isScheme(scheme, 'bearer') ? credentials : undefined;
}
