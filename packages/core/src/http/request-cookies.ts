import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';

type WithCookies = FastifyRequest & { cookies: Record<string, string | undefined> | null };

/** The request's cookies: what @fastify/cookie's hook parsed, or parsed here on first use where it did not run. */
export function requestCookies(request: FastifyRequest): Readonly<Record<string, string | undefined>> {
  const withCookies = request as WithCookies;
  if (withCookies.cookies) return withCookies.cookies;
  const header = request.headers.cookie;
  return (withCookies.cookies = header ? request.server.parseCookie(header) : {});
}
