import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestCookies, setCookieHeader } from '../http/request-cookies';

export interface CookieOptions {
  domain?: string;
  path?: string;
  expires?: Date;
  maxAge?: number;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: 'strict' | 'lax' | 'none' | boolean;
  partitioned?: boolean;
}

type ResponseChange = (reply: FastifyReply) => void;

export const APPLY_RESPONSE_CHANGES = Symbol('deft.applyResponseChanges');

/**
 * The current request and the response being prepared. Declare a parameter of
 * this type in a handler or dependency to read raw request data or to set the
 * status, headers and cookies of a successful response (as FastAPI's
 * `Request` and `Response` parameters do). Changes are applied only when the
 * handler succeeds; an error response does not carry them.
 */
export class RequestContext {
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  private status: number | undefined;
  private changes: ResponseChange[] | undefined;

  constructor(request: FastifyRequest, reply: FastifyReply) {
    this.request = request;
    this.reply = reply;
  }

  get method(): string {
    return this.request.method;
  }

  get url(): string {
    return this.request.url;
  }

  get headers(): IncomingHttpHeaders {
    return this.request.headers;
  }

  /** A request header's first value (case-insensitive name). */
  header(name: string): string | undefined {
    const value = this.request.headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  }

  get cookies(): Readonly<Record<string, string | undefined>> {
    return requestCookies(this.request);
  }

  get query(): Readonly<Record<string, string | string[] | undefined>> {
    return (this.request.query ?? {}) as Record<string, string | string[] | undefined>;
  }

  /** The status the successful response will have (overrides the route's `statusCode`). */
  get statusCode(): number | undefined {
    return this.status;
  }

  setStatus(code: number): this {
    this.status = code;
    return this;
  }

  setHeader(name: string, value: string): this {
    (this.changes ??= []).push((reply) => reply.header(name, value));
    return this;
  }

  setCookie(name: string, value: string, options: CookieOptions = {}): this {
    (this.changes ??= []).push((reply) => reply.header('set-cookie', setCookieHeader(name, value, options)));
    return this;
  }

  deleteCookie(name: string, options: Pick<CookieOptions, 'domain' | 'path'> = {}): this {
    (this.changes ??= []).push((reply) => reply.header('set-cookie', setCookieHeader(name, '', { ...options, expires: new Date(0), maxAge: 0 })));
    return this;
  }

  [APPLY_RESPONSE_CHANGES](): void {
    if (this.changes) for (const change of this.changes) change(this.reply);
    if (this.status !== undefined) this.reply.code(this.status);
  }
}
