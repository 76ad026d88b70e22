import Fastify, { type FastifyInstance } from 'fastify';
import { bodyRoutes } from '../../scenarios/body/fastify';
import { chainRoutes } from '../../scenarios/chain/fastify';
import { helloRoutes } from '../../scenarios/hello/fastify';
import { queryRoutes } from '../../scenarios/query/fastify';
import { seedRoutes } from '../../scenarios/seed/fastify';
import { renderErrors } from './validation-errors';

/**
 * Every scenario as one hand-written Fastify app: plain handlers, Fastify's
 * own ajv and fast-json-stringify.
 */
export function createFastifyApp(): FastifyInstance {
  const fastify = Fastify({ logger: false });
  fastify.setErrorHandler(renderErrors);
  for (const routes of [helloRoutes, seedRoutes, chainRoutes, bodyRoutes, queryRoutes]) routes(fastify);
  return fastify;
}
