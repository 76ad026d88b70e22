import type { FastifyInstance } from 'fastify';
import { loadCatalog } from './catalog';

const product = { type: 'object', properties: { sku: { type: 'string' }, name: { type: 'string' }, price: { type: 'number' } } } as const;

/** The catalog made when the routes are registered, and closed over by the handler. */
export function appScopedRoutes(fastify: FastifyInstance): void {
  const catalog = loadCatalog();
  fastify.get<{ Params: { sku: string } }>('/catalog/:sku', { schema: { response: { 200: product } } }, async (request, reply) => {
    const found = catalog.get(request.params.sku);
    if (found === undefined) return reply.code(404).send({ detail: 'Product not found' });
    return found;
  });
}
