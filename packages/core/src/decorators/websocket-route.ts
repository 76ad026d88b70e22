import { addRoute } from '../metadata/metadata-store';
import type { WebSocketRouteOptions } from '../metadata/records';

/**
 * Declares a WebSocket route (FastAPI's `@app.websocket`): a GET whose
 * request upgrades to a WebSocket. Its parameters are declared as an HTTP
 * route's (`@Path`, `@Query`, `@Header`, `@Cookie`, `@Depends`, `@Security`)
 * and resolved before the connection is accepted; a parameter typed
 * `WebSocketConnection` receives the connection.
 */
export function WebSocket(path: string, options: WebSocketRouteOptions = {}): MethodDecorator {
  return (target, propertyKey) => {
    if (typeof propertyKey !== 'string') throw new TypeError('@WebSocket needs a method with a string name');
    addRoute(target.constructor, { method: 'GET', path, propertyKey, options: { dependencies: options.dependencies, includeInSchema: false }, websocket: true });
  };
}
