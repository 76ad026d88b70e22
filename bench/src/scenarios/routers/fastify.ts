import type { FastifyInstance, FastifyReply } from 'fastify';
import { PARTNER_TOKEN, SHOP_ITEMS, SHOP_TOKEN } from './items';

const detail = (reply: FastifyReply, status: number, message: string) => reply.code(status).send({ detail: message });

/**
 * The same two levels as plugins under prefixes, each with a preHandler
 * hook (Fastify's way of running a check before every route of a plugin);
 * the header and the query are validated by the route's schemas.
 */
export function routersRoutes(fastify: FastifyInstance): void {
  void fastify.register(
    async (shop) => {
      shop.addHook('preHandler', async (request, reply) => {
        if (request.headers['x-token'] !== SHOP_TOKEN) return detail(reply, 400, 'X-Token header invalid');
      });
      await shop.register(
        async (items) => {
          items.addHook('preHandler', async (request, reply) => {
            if ((request.query as { token: string }).token !== PARTNER_TOKEN) return detail(reply, 400, 'No Jessica token provided');
          });
          items.get<{ Params: { item_id: string } }>(
            '/:item_id',
            {
              schema: {
                headers: { type: 'object', required: ['x-token'], properties: { 'x-token': { type: 'string' } } },
                querystring: { type: 'object', required: ['token'], properties: { token: { type: 'string' } } },
                response: { 200: { type: 'object', properties: { item_id: { type: 'string' }, name: { type: 'string' } } } },
              },
            },
            async (request, reply) => {
              const item = SHOP_ITEMS[request.params.item_id];
              if (item === undefined) return detail(reply, 404, 'Item not found');
              return { item_id: request.params.item_id, name: item.name };
            },
          );
        },
        { prefix: '/items' },
      );
    },
    { prefix: '/shop' },
  );
}
