import type { FastifyReply, FastifyRequest } from 'fastify';
import type FindMyWay from 'find-my-way';
import { HTTPException } from '../errors/http-exception';
import type { HttpMethod } from '../metadata/records';
import type { ErrorRenderer } from './error-handler';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

export interface NotFoundOptions {
  /** Renders the 404 and 405 answers, so the app's exception handlers for `HTTPException` apply to them. */
  readonly renderError: ErrorRenderer;
  /** Whether a path matched with or without its trailing slash is redirected (FastAPI's `redirect_slashes`). */
  readonly redirectSlashes: boolean;
}

/**
 * Answers requests that match no route as FastAPI does: 405 with `Allow` when
 * the path exists for other methods, 307 to the same path with or without its
 * trailing slash when that one exists for any method (an absolute URL, as
 * Starlette's; unless `redirectSlashes` is off), otherwise 404. The 404 and
 * 405 are `HTTPException`s, rendered by the app's error renderer as any other.
 */
export function createNotFoundHandler(routes: readonly { method: HttpMethod; fastifyPath: string }[], { renderError, redirectSlashes }: NotFoundOptions) {
  // Built on the first unmatched request, not at start-up: most apps rarely need it.
  let router: FindMyWay.Instance<FindMyWay.HTTPVersion.V1> | undefined;
  const matches = (method: HttpMethod, path: string): boolean => {
    if (!router) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, to keep start-up short
      const createRouter = require('find-my-way') as typeof FindMyWay;
      router = createRouter();
      for (const route of routes) router.on(route.method, route.fastifyPath, () => undefined);
    }
    return router.find(method, path) !== null;
  };

  return (request: FastifyRequest, reply: FastifyReply): unknown => {
    const [path = '/', query] = request.url.split(/\?(.*)/s, 2);
    const allowed = METHODS.filter((method) => matches(method, path));
    if (allowed.length > 0) {
      return renderError(new HTTPException(405, 'Method Not Allowed', { allow: allowed.join(', ') }), request, reply);
    }
    const method = request.method as HttpMethod;
    if (redirectSlashes && path !== '/' && METHODS.includes(method)) {
      const other = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
      // As Starlette: the other spelling exists for some method (a wrong method there then answers 405), and the URL is absolute.
      if (METHODS.some((candidate) => matches(candidate, other))) {
        const target = `${request.protocol}://${request.host}${other}${query ? `?${query}` : ''}`;
        return reply.code(307).header('location', target).send();
      }
    }
    return renderError(new HTTPException(404, 'Not Found'), request, reply);
  };
}
