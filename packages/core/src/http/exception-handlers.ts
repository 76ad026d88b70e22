import type { FastifyReply, FastifyRequest } from 'fastify';
import { HTTPException } from '../errors/http-exception';
import { RequestValidationError } from '../errors/request-validation-error';

/**
 * Renders an error as a response. Send with `reply` (and return it), or return
 * a value to send as JSON with the reply's status (`reply.code(...)`).
 */
export type ExceptionHandler<E = Error> = (error: E, request: FastifyRequest, reply: FastifyReply) => unknown;

type ErrorClass<E> = abstract new (...args: never[]) => E;

/**
 * Classes Deft renders itself unless a handler is registered for exactly them
 * (or a subclass): a handler for `Error` must not swallow them, as in FastAPI,
 * where a handler for `Exception` still leaves HTTP and validation errors to
 * their own handlers.
 */
const DEFAULT_RENDERED = new Set<unknown>([HTTPException, RequestValidationError]);

/** User-registered handlers by error class; the most specific class wins, Deft's defaults counting as registered. */
export class ExceptionHandlers {
  private readonly handlers = new Map<unknown, ExceptionHandler<never>>();

  set<E extends Error>(errorClass: ErrorClass<E>, handler: ExceptionHandler<E>): void {
    this.handlers.set(errorClass, handler as ExceptionHandler<never>);
  }

  find(error: unknown): ExceptionHandler<unknown> | undefined {
    if (this.handlers.size === 0 || typeof error !== 'object' || error === null) return undefined;
    for (let proto: object | null = Object.getPrototypeOf(error); proto; proto = Object.getPrototypeOf(proto)) {
      const cls = (proto as { constructor: unknown }).constructor;
      const handler = this.handlers.get(cls);
      if (handler) return handler as ExceptionHandler<unknown>;
      if (DEFAULT_RENDERED.has(cls)) return undefined;
    }
    return undefined;
  }
}
