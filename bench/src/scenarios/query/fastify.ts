import type { FastifyInstance } from 'fastify';

const search = {
  type: 'object',
  required: ['q'],
  properties: {
    q: { type: 'string', minLength: 3, maxLength: 50 },
    page: { type: 'integer', minimum: 1, default: 1 },
    size: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
    sort: { type: 'string', enum: ['name', 'price', 'date'], default: 'name' },
    lang: { type: 'string', pattern: '^[a-z]{2}$', default: 'en' },
  },
} as const;

interface Search {
  q: string;
  page: number;
  size: number;
  sort: string;
  lang: string;
}

export function queryRoutes(fastify: FastifyInstance): void {
  fastify.get<{ Querystring: Search }>('/search', { schema: { querystring: search, response: { 200: search } } }, async (request) => {
    const { q, page, size, sort, lang } = request.query;
    return { q, page, size, sort, lang };
  });
}
