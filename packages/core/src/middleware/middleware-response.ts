import type { FastifyReply } from 'fastify';

/** The response headers as a middleware sees them: read and changed in place, before anything is sent. */
export interface ResponseHeaders {
  get(name: string): string | undefined;
  has(name: string): boolean;
  set(name: string, value: string): void;
  delete(name: string): void;
}

/**
 * The response the rest of the app produced, as `callNext()` hands it to a
 * middleware: its status and headers can still be changed (the body is
 * written once every middleware has returned), and its body replaced.
 */
export class MiddlewareResponse {
  readonly headers: ResponseHeaders;

  constructor(
    private readonly reply: FastifyReply,
    /** The body as the app produced it: JSON text, bytes, a stream, or nothing. */
    public body: unknown,
  ) {
    this.headers = {
      get: (name) => {
        const value = reply.getHeader(name);
        return value === undefined ? undefined : Array.isArray(value) ? value.join(', ') : String(value);
      },
      has: (name) => reply.hasHeader(name),
      set: (name, value) => void reply.header(name, value),
      delete: (name) => void reply.removeHeader(name),
    };
  }

  get statusCode(): number {
    return this.reply.statusCode;
  }

  set statusCode(code: number) {
    this.reply.code(code);
  }
}
