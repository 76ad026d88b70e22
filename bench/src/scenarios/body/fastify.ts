import type { FastifyInstance } from 'fastify';

const nonNegative = { type: 'number', minimum: 0 } as const;

const item = {
  type: 'object',
  required: ['name', 'price', 'quantity', 'in_stock', 'tags', 'dimensions', 'sku', 'category'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 50 },
    description: { type: ['string', 'null'] },
    price: nonNegative,
    tax: { type: ['number', 'null'], minimum: 0 },
    quantity: { type: 'integer', minimum: 0 },
    in_stock: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    dimensions: {
      type: 'object',
      required: ['width', 'height', 'depth'],
      properties: { width: nonNegative, height: nonNegative, depth: nonNegative },
    },
    sku: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' },
    category: { type: 'string', enum: ['tools', 'toys', 'books'] },
  },
} as const;

/** The same fields without `required`: fast-json-stringify would write required properties first. */
const itemOut = { type: 'object', properties: item.properties } as const;

export function bodyRoutes(fastify: FastifyInstance): void {
  fastify.post('/items', { schema: { body: item, response: { 201: itemOut } } }, async (request, reply) => {
    reply.code(201);
    return request.body;
  });
}
