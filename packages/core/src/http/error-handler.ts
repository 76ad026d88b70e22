import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { HTTPException } from '../errors/http-exception';
import { RequestValidationError } from '../errors/request-validation-error';
import type { ExceptionHandler, ExceptionHandlers } from './exception-handlers';
import { bodyAllowed } from './status-body';


function isFastifyClientError(error: unknown): error is FastifyError & { statusCode: number } {
  const { statusCode, code } = error as Partial<FastifyError>;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 && typeof code === 'string';
}

function renderDefault(error: unknown, request: FastifyRequest, reply: FastifyReply): unknown {
  if (error instanceof RequestValidationError) {
    return reply.code(422).send({ detail: error.errors });
  }
  if (error instanceof HTTPException) {
    if (error.headers) reply.headers(error.headers);
    reply.code(error.statusCode);
    return bodyAllowed(error.statusCode) ? reply.send({ detail: error.detail }) : reply.send();
  }
  if (isFastifyClientError(error)) {
    // Errors Fastify and its plugins raise for a malformed request (body too large, too many parts, ...).
    return reply.code(error.statusCode).send({ detail: error.message });
  }
  request.log.error({ err: error }, 'Unhandled error while handling the request');
  return reply.code(500).send({ detail: 'Internal Server Error' });
}

/**
 * The app's error handler: a user handler registered for the error's class
 * (or an ancestor) first, then FastAPI's defaults: 422 for validation, the
 * exception's status for `HTTPException`, 500 (logged, no details leaked) for
 * anything else.
 */
export function createErrorHandler(handlers: ExceptionHandlers): ErrorRenderer {
  return (error, request, reply) => {
    const custom = handlers.find(error);
    return custom ? renderCustom(custom, error, request, reply) : renderDefault(error, request, reply);
  };
}

/** Renders an error as the response; synchronous unless a user handler is asynchronous. */
export type ErrorRenderer = (error: unknown, request: FastifyRequest, reply: FastifyReply) => unknown;

async function renderCustom(custom: ExceptionHandler<unknown>, error: unknown, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  try {
    const result = await custom(error, request, reply);
    return reply.sent || result === reply ? reply : reply.send(result);
  } catch (thrown) {
    return renderDefault(thrown, request, reply);
  }
}
