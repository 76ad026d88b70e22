import { addRoute } from '../metadata/metadata-store';
import type { HttpMethod, RouteOptions } from '../metadata/records';

function routeDecorator(method: HttpMethod) {
  return (path: string, options: RouteOptions = {}): MethodDecorator =>
    (target, propertyKey) => {
      if (typeof propertyKey !== 'string') {
        throw new TypeError(`@${method[0]}${method.slice(1).toLowerCase()} needs a method with a string name`);
      }
      addRoute(target.constructor, { method, path, propertyKey, options });
    };
}

/** Route decorators; `path` uses OpenAPI syntax: `/items/{item_id}`. */
export const Get = routeDecorator('GET');
export const Post = routeDecorator('POST');
export const Put = routeDecorator('PUT');
export const Patch = routeDecorator('PATCH');
export const Delete = routeDecorator('DELETE');
export const Head = routeDecorator('HEAD');
export const Options = routeDecorator('OPTIONS');

export interface ApiRouteOptions extends RouteOptions {
  /** The methods the handler answers (default `['GET']`, as FastAPI's `api_route`). */
  methods?: readonly HttpMethod[];
}

/**
 * One handler for several methods (FastAPI's `api_route(path, methods=[...])`):
 * a route, and an OpenAPI operation, per method.
 */
export function ApiRoute(path: string, options: ApiRouteOptions = {}): MethodDecorator {
  const { methods = ['GET'], ...routeOptions } = options;
  return (target, propertyKey) => {
    if (typeof propertyKey !== 'string') throw new TypeError('@ApiRoute needs a method with a string name');
    for (const method of new Set(methods)) addRoute(target.constructor, { method, path, propertyKey, options: routeOptions });
  };
}
