import type { FastifyInstance } from 'fastify';
import { HTTPException } from '../errors/http-exception';

/** Whether `host` (without its port) is one of `allowed`: exact names, or `*.example.com` for any subdomain. */
function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return allowed.some((pattern) => {
    const lower = pattern.toLowerCase();
    if (lower === '*') return true;
    return lower.startsWith('*.') ? name.endsWith(lower.slice(1)) : name === lower;
  });
}

/**
 * Refuses requests whose `Host` header names none of the app's hosts
 * (Starlette's `TrustedHostMiddleware`): 400 "Invalid host header", before
 * routing, so no handler runs for a forged host.
 */
export function trustHosts(fastify: FastifyInstance, allowed: readonly string[]): void {
  fastify.addHook('onRequest', async (request) => {
    if (!hostAllowed(request.headers.host ?? '', allowed)) throw new HTTPException(400, 'Invalid host header');
  });
}
