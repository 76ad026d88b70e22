import { BackgroundTasks } from '../context/background-tasks';
import { ConnectionContext } from '../context/connection-context';
import { RequestContext } from '../context/request-context';
import { SecurityScopes } from '../context/security-scopes';
import { WebSocketConnection } from '../websocket/websocket-connection';

/** What a parameter injected by type receives. */
export type InjectedKind = 'scopes' | 'context' | 'connection' | 'background' | 'websocket';

/**
 * The types Deft injects itself rather than resolving as dependencies or
 * services: declared as a parameter's type, or named in `@Depends(...)` or a
 * function dependency's declaration.
 */
export const INJECTED_TYPES: ReadonlyMap<unknown, InjectedKind> = new Map<unknown, InjectedKind>([
  [SecurityScopes, 'scopes'],
  [RequestContext, 'context'],
  [ConnectionContext, 'connection'],
  [BackgroundTasks, 'background'],
  [WebSocketConnection, 'websocket'],
]);

/** The injected kinds whose value belongs to one request (so a `scope: 'app'` dependency cannot take them). */
export function isPerRequest(kind: InjectedKind): boolean {
  return kind !== 'scopes';
}
