import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { ClientRequestError } from '../errors/client-request-error';
import { HTTPException } from '../errors/http-exception';

/** `createApp({ rateLimit })`: @fastify/rate-limit's options (`max`, `timeWindow`, `keyGenerator`, `allowList`, `ban`, a store...). */
export type RateLimitOptions = RateLimitPluginOptions;

/**
 * The answer to a client over its quota: a JSON 429 with `detail` (the
 * plugin has set `Retry-After` and the `x-ratelimit-*` headers on the reply),
 * or 403 once it is banned. Errors, so the app's error handler writes them
 * as every other.
 */
function overQuota(_request: unknown, context: { ban: boolean; after: string }): Error {
  return context.ban
    ? new HTTPException(403, 'Forbidden: too many requests over the rate limit')
    : new ClientRequestError('DEFT_REQ_RATE_LIMITED', `Rate limit exceeded, retry in ${context.after}`);
}

/**
 * Limits how many requests a client (by IP, unless `keyGenerator` says
 * otherwise) makes in a time window, through @fastify/rate-limit: its hooks
 * are added to each route as the route is registered, so this runs before
 * Deft's routes. Loaded only by apps that set the option.
 */
export function limitRate(fastify: FastifyInstance, options: true | RateLimitOptions): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only by apps that use it
  const rateLimit = require('@fastify/rate-limit') as typeof import('@fastify/rate-limit');
  void fastify.register(rateLimit.default, { errorResponseBuilder: overQuota, ...(options === true ? {} : options) });
}
