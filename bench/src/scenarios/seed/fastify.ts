import type { FastifyInstance } from 'fastify';
import { bearerToken, challenge } from '../../apps/fastify/auth';

export function seedRoutes(fastify: FastifyInstance): void {
  fastify.get(
    '/items/',
    { schema: { response: { 200: { type: 'object', properties: { token: { type: 'string' } } } } } },
    async (request, reply) => {
      const token = bearerToken(request.headers.authorization);
      if (token === undefined) return challenge(reply);
      return { token };
    },
  );
}
