import type { FastifyRequest } from 'fastify';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { CookieOptions } from './cookie-options';

const parsed = new WeakMap<FastifyRequest, Readonly<Record<string, string | undefined>>>();

/** `"abc"` → `abc`, with `\"` and octal escapes (`\054`) read, as Python's `http.cookies` (Starlette's parser) reads them. */
export function unquoteCookie(value: string): string {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return value;
  return value.slice(1, -1).replace(/\\(?:([0-3][0-7][0-7])|(.))/g, (_match, octal: string | undefined, char: string | undefined) =>
    octal === undefined ? char! : String.fromCharCode(Number.parseInt(octal, 8)),
  );
}

function unquoteValues(cookies: Record<string, string | undefined>): Record<string, string | undefined> {
  for (const [name, value] of Object.entries(cookies)) if (value !== undefined && value.startsWith('"')) cookies[name] = unquoteCookie(value);
  return cookies;
}

/**
 * The request's cookies, parsed on first use and kept for the request:
 * requests that read no cookie never pay for it (no per-request hook).
 */
export function requestCookies(request: FastifyRequest): Readonly<Record<string, string | undefined>> {
  let cookies = parsed.get(request);
  if (!cookies) {
    const header = request.headers.cookie;
    parsed.set(request, (cookies = header ? unquoteValues(parseCookie(header)) : {}));
  }
  return cookies;
}

/** A `Set-Cookie` header value with Starlette's defaults (`Path=/`, `SameSite=Lax`). */
export function setCookieHeader(name: string, value: string, options: CookieOptions): string {
  return stringifySetCookie(name, value, { path: '/', sameSite: 'lax', ...options });
}
