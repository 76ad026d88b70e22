import type { FastifyReply } from 'fastify';

export { bearerToken } from '../bearer-token';

/** Answers 401 with a Bearer challenge; `detail` says why. */
export function challenge(reply: FastifyReply, detail = 'Not authenticated'): FastifyReply {
  return reply.code(401).header('www-authenticate', 'Bearer').send({ detail });
}

/** Answers `status` with FastAPI's `{"detail": ...}` body. */
export function reject(reply: FastifyReply, status: number, detail: string): FastifyReply {
  return reply.code(status).send({ detail });
}
