import type { FastifyInstance } from 'fastify';

export function helloRoutes(fastify: FastifyInstance): void {
  fastify.get(
    '/hello',
    { schema: { response: { 200: { type: 'object', properties: { hello: { type: 'string' } } } } } },
    async () => ({ hello: 'world' }),
  );
}
