import type { FastifyReply, FastifyRequest } from 'fastify';
import type FindMyWay from 'find-my-way';
import type { HttpMethod } from '../metadata/records';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/**
 * Answers requests that match no route as FastAPI does: 405 with `Allow` when
 * the path exists for other methods, 307 to the same path with or without its
 * trailing slash when that one exists for any method (an absolute URL, as
 * Starlette's), otherwise 404.
 */
export function createNotFoundHandler(routes: readonly { method: HttpMethod; fastifyPath: string }[]) {
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
      return reply.code(405).header('allow', allowed.join(', ')).send({ detail: 'Method Not Allowed' });
    }
    const method = request.method as HttpMethod;
    if (path !== '/' && METHODS.includes(method)) {
      const other = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
      // As Starlette: the other spelling exists for some method (a wrong method there then answers 405), and the URL is absolute.
      if (METHODS.some((candidate) => matches(candidate, other))) {
        const target = `${request.protocol}://${request.host}${other}${query ? `?${query}` : ''}`;
        return reply.code(307).header('location', target).send();
      }
    }
    return reply.code(404).send({ detail: 'Not Found' });
  };
}
