import type { FastifyReply } from 'fastify';

/** The response headers as a middleware sees them: read and changed in place, before anything is sent. */
export interface ResponseHeaders {
  get(name: string): string | undefined;
  has(name: string): boolean;
  set(name: string, value: string): void;
  delete(name: string): void;
}

/** The headers of the reply being prepared, read and changed in place. */
class ReplyHeaders implements ResponseHeaders {
  constructor(private readonly reply: FastifyReply) {}

  get(name: string): string | undefined {
    const value = this.reply.getHeader(name);
    return value === undefined ? undefined : Array.isArray(value) ? value.join(', ') : String(value);
  }

  has(name: string): boolean {
    return this.reply.hasHeader(name);
  }

  set(name: string, value: string): void {
    this.reply.header(name, value);
  }

  delete(name: string): void {
    this.reply.removeHeader(name);
  }
}

/**
 * The response the rest of the app produced, as `callNext()` hands it to a
 * middleware: its status and headers can still be changed (the body is
 * written once every middleware has returned), and its body replaced.
 */
export class MiddlewareResponse {
  private headersValue: ResponseHeaders | undefined;

  constructor(
    private readonly reply: FastifyReply,
    /** The body as the app produced it: JSON text, bytes, a stream, or nothing. */
    public body: unknown,
  ) {}

  /** The response's headers, read and changed in place. */
  get headers(): ResponseHeaders {
    return (this.headersValue ??= new ReplyHeaders(this.reply));
  }

  get statusCode(): number {
    return this.reply.statusCode;
  }

  set statusCode(code: number) {
    this.reply.code(code);
  }
}
