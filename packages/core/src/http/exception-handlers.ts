import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Renders an error as a response. Send with `reply` (and return it), or return
 * a value to send as JSON with the reply's status (`reply.code(...)`).
 */
export type ExceptionHandler<E = Error> = (error: E, request: FastifyRequest, reply: FastifyReply) => unknown;

type ErrorClass<E> = abstract new (...args: never[]) => E;

/** User-registered handlers by error class; the most specific registered class wins. */
export class ExceptionHandlers {
  private readonly handlers = new Map<unknown, ExceptionHandler<never>>();

  set<E extends Error>(errorClass: ErrorClass<E>, handler: ExceptionHandler<E>): void {
    this.handlers.set(errorClass, handler as ExceptionHandler<never>);
  }

  find(error: unknown): ExceptionHandler<unknown> | undefined {
    if (this.handlers.size === 0 || typeof error !== 'object' || error === null) return undefined;
    for (let proto: object | null = Object.getPrototypeOf(error); proto; proto = Object.getPrototypeOf(proto)) {
      const handler = this.handlers.get((proto as { constructor: unknown }).constructor);
      if (handler) return handler as ExceptionHandler<unknown>;
    }
    return undefined;
  }
}
