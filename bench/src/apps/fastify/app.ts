import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { appScopedRoutes } from '../../scenarios/app-scoped/fastify';
import { bodyRoutes } from '../../scenarios/body/fastify';
import { chainRoutes } from '../../scenarios/chain/fastify';
import { helloRoutes } from '../../scenarios/hello/fastify';
import { queryRoutes } from '../../scenarios/query/fastify';
import { routersRoutes } from '../../scenarios/routers/fastify';
import { seedRoutes } from '../../scenarios/seed/fastify';
import { renderErrors } from './validation-errors';

const STARTED = Symbol('started');
type Timed = FastifyRequest & { [STARTED]?: number };

/**
 * Every scenario as one hand-written Fastify app: plain handlers, Fastify's
 * own ajv and fast-json-stringify. With `timingHooks`, the processing time
 * in a header as a Fastify user writes it (Deft's middleware's twin).
 */
export function createFastifyApp(options: { timingHooks?: boolean } = {}): FastifyInstance {
  const fastify = Fastify({ logger: false });
  if (options.timingHooks) {
    fastify.addHook('onRequest', (request, _reply, done) => {
      (request as Timed)[STARTED] = performance.now();
      done();
    });
    fastify.addHook('onSend', (request, reply, payload, done) => {
      reply.header('x-process-time', String(performance.now() - (request as Timed)[STARTED]!));
      done(null, payload);
    });
  }
  fastify.setErrorHandler(renderErrors);
  for (const routes of [helloRoutes, seedRoutes, chainRoutes, bodyRoutes, queryRoutes, routersRoutes, appScopedRoutes]) routes(fastify);
  return fastify;
}
