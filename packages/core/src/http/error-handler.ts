import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { HTTPException } from '../errors/http-exception';
import { RequestValidationError } from '../errors/request-validation-error';
import { boundedEcho } from './bounded-echo';
import type { ExceptionHandler, ExceptionHandlers } from './exception-handlers';
import { jsonText } from './json-text';
import { clientErrorOf } from './request-errors';
import type { ResolvedLimits } from './request-limits';
import { bodyAllowed } from './status-body';


function isFastifyClientError(error: unknown): error is FastifyError & { statusCode: number } {
  const { statusCode, code } = error as Partial<FastifyError>;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500 && typeof code === 'string';
}

/**
 * Sends `{"detail": detail}`, written here so that writing it cannot fail on
 * the way out: a `detail` JSON cannot write (a cycle, in an `HTTPException`
 * of the app's) is a bug, answered with the plain 500.
 */
function sendDetail(reply: FastifyReply, detail: unknown): FastifyReply {
  let body: string;
  try {
    body = jsonText({ detail });
  } catch (error) {
    reply.log.error({ err: error }, "An error's detail cannot be written as JSON");
    reply.code(500);
    body = INTERNAL;
  }
  return reply.type('application/json; charset=utf-8').send(body);
}

const INTERNAL = '{"detail":"Internal Server Error"}';

function renderDefault(error: unknown, request: FastifyRequest, reply: FastifyReply, limits: ResolvedLimits): unknown {
  if (error instanceof RequestValidationError) {
    // What the client sent is echoed within bounds, so no input can make the 422 fail to write.
    return sendDetail(reply.code(422), error.errors.map((item) => ({ ...item, input: boundedEcho(item.input) })));
  }
  const known = error instanceof HTTPException ? error : clientErrorOf(error, limits);
  if (known) {
    if (known.headers) reply.headers(known.headers);
    reply.code(known.statusCode);
    return bodyAllowed(known.statusCode) ? sendDetail(reply, known.detail) : reply.send();
  }
  if (isFastifyClientError(error)) {
    // Other errors Fastify and its plugins raise for a malformed request.
    return sendDetail(reply.code(error.statusCode), error.message);
  }
  request.log.error({ err: error }, 'Unhandled error while handling the request');
  return reply.code(500).type('application/json; charset=utf-8').send(INTERNAL);
}

/**
 * The app's error handler: a user handler registered for the error's class
 * (or an ancestor) first, then FastAPI's defaults: 422 for validation, the
 * exception's status for `HTTPException`, 500 (logged, no details leaked) for
 * anything else.
 */
export function createErrorHandler(handlers: ExceptionHandlers, limits: ResolvedLimits): ErrorRenderer {
  return (error, request, reply) => {
    const custom = handlers.find(error);
    return custom ? renderCustom(custom, error, request, reply, limits) : renderDefault(error, request, reply, limits);
  };
}

/** Renders an error as the response; synchronous unless a user handler is asynchronous. */
export type ErrorRenderer = (error: unknown, request: FastifyRequest, reply: FastifyReply) => unknown;

async function renderCustom(
  custom: ExceptionHandler<unknown>,
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  limits: ResolvedLimits,
): Promise<unknown> {
  try {
    const result = await custom(error, request, reply);
    return reply.sent || result === reply ? reply : reply.send(result);
  } catch (thrown) {
    return renderDefault(thrown, request, reply, limits);
  }
}
