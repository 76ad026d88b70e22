import { defineDependency, Header, HTTPException, Query } from '@deft/core';
import { userOf } from './tokens';

// #region current-user
/**
 * The user a JWT names, wherever the client could put it. A browser cannot
 * set headers on a WebSocket or an EventSource, so besides
 * `Authorization: Bearer <token>` the token may come as the `token` query
 * parameter, or as a subprotocol: `new WebSocket(url, ['bearer', token])`
 * sends `Sec-WebSocket-Protocol: bearer, <token>` (the handshake then picks
 * `bearer`, the first).
 */
export const currentUser = defineDependency(
  {
    query: Query('token', { type: String, default: null }),
    authorization: Header('authorization', { type: String, default: null }),
    protocols: Header('sec-websocket-protocol', { type: String, default: null }),
  },
  async ({ query, authorization, protocols }) => {
    const [scheme, offered] = (protocols ?? '').split(',').map((part) => part.trim());
    const token = query ?? (authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined) ?? (scheme === 'bearer' ? offered : undefined);
    const user = token === undefined ? undefined : await userOf(token);
    if (user === undefined) throw new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' });
    return user;
  },
);
// #endregion current-user
