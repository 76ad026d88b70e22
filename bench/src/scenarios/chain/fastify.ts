import type { FastifyInstance } from 'fastify';
import { bearerToken, challenge, reject } from '../../apps/fastify/auth';
import { findUser, INACTIVE_USER, INVALID_CREDENTIALS } from './users';

/** The response schema is the response model: fast-json-stringify writes these fields only. */
const userOut = {
  type: 'object',
  properties: {
    username: { type: 'string' },
    email: { type: 'string' },
    full_name: { type: 'string' },
    disabled: { type: 'boolean' },
  },
};

export function chainRoutes(fastify: FastifyInstance): void {
  fastify.get('/users/me', { schema: { response: { 200: userOut } } }, async (request, reply) => {
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) return challenge(reply);
    const user = findUser(token);
    if (!user) return challenge(reply, INVALID_CREDENTIALS);
    if (user.disabled) return reject(reply, 400, INACTIVE_USER);
    return user;
  });
}
