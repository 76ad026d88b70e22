import type { FastifyRequest } from 'fastify';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { CookieOptions } from './cookie-options';

const parsed = new WeakMap<FastifyRequest, Readonly<Record<string, string | undefined>>>();

/**
 * The request's cookies, parsed on first use and kept for the request:
 * requests that read no cookie never pay for it (no per-request hook).
 */
export function requestCookies(request: FastifyRequest): Readonly<Record<string, string | undefined>> {
  let cookies = parsed.get(request);
  if (!cookies) {
    const header = request.headers.cookie;
    parsed.set(request, (cookies = header ? parseCookie(header) : {}));
  }
  return cookies;
}

/** A `Set-Cookie` header value with Starlette's defaults (`Path=/`, `SameSite=Lax`). */
export function setCookieHeader(name: string, value: string, options: CookieOptions): string {
  return stringifySetCookie(name, value, { path: '/', sameSite: 'lax', ...options });
}
