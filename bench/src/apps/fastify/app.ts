import { executionAsyncResource } from 'node:async_hooks';
import Fastify, { type FastifyInstance } from 'fastify';
import { bodyRoutes } from '../../scenarios/body/fastify';
import { chainRoutes } from '../../scenarios/chain/fastify';
import { helloRoutes } from '../../scenarios/hello/fastify';
import { queryRoutes } from '../../scenarios/query/fastify';
import { seedRoutes } from '../../scenarios/seed/fastify';
import { renderErrors } from './validation-errors';

let tickObject: object | undefined;

/**
 * Every scenario as one hand-written Fastify app: plain handlers, Fastify's
 * own ajv and fast-json-stringify. It keeps one of Node's tick objects alive,
 * as Deft's `createApp` does (see packages/core/src/app/tick-object-shape.ts),
 * so that the comparison is of the frameworks, not of which process fell into
 * Node's slow tick-object state.
 */
export function createFastifyApp(): FastifyInstance {
  process.nextTick(() => (tickObject ??= executionAsyncResource()));
  const fastify = Fastify({ logger: false });
  fastify.setErrorHandler(renderErrors);
  for (const routes of [helloRoutes, seedRoutes, chainRoutes, bodyRoutes, queryRoutes]) routes(fastify);
  return fastify;
}
