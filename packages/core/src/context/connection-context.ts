import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { requestCookies } from '../http/request-cookies';

/**
 * What every connection has, whatever its protocol: the request that opened
 * it, its headers, query, cookies and path parameters, and nothing to answer
 * with (Starlette's `HTTPConnection`). Security schemes read only this, so
 * they work wherever a connection does; `RequestContext` adds the response.
 * Declare a parameter of this type to receive it.
 */
export class ConnectionContext {
  readonly request: FastifyRequest;
  /** What the app's lifespans handed over (FastAPI's `request.state` from a lifespan's state). */
  readonly state: Readonly<Record<string, unknown>>;

  constructor(request: FastifyRequest, state: Readonly<Record<string, unknown>> = {}) {
    this.request = request;
    this.state = state;
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

  /** The path parameters as the router matched them (raw strings). */
  get pathParams(): Readonly<Record<string, string | undefined>> {
    return (this.request.params ?? {}) as Record<string, string | undefined>;
  }
}
