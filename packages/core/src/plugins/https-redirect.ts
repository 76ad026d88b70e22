import type { FastifyInstance } from 'fastify';

/**
 * Sends every plain-HTTP request to the same URL over HTTPS with a 307
 * (Starlette's `HTTPSRedirectMiddleware`). Behind a proxy, set Fastify's
 * `trustProxy` so the original protocol (`X-Forwarded-Proto`) is seen.
 */
export function redirectToHttps(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') return;
    const host = (request.host || request.headers.host || '').replace(/:80$/, '');
    return reply.code(307).header('location', `https://${host}${request.url}`).send();
  });
}
