import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ClientRequestError } from '../errors/client-request-error';
import { multipartParseError } from './request-errors';
import type { ResolvedLimits } from './request-limits';

/**
 * The error handler of the routes that read forms: an error with no status
 * raised there comes from the multipart parser (Deft's route handlers render
 * their own errors), so it is the client's malformed body, answered 400 as
 * FastAPI answers it, never 500. Everything goes on to the app's handler.
 */
export function multipartParseErrors(error: FastifyError): never {
  throw typeof error.statusCode === 'number' ? error : multipartParseError(error);
}

interface Part {
  readonly valueTruncated?: boolean;
}

/**
 * A `preValidation` hook for the form routes: the multipart parser cuts a
 * text field longer than its limit and says so on the part; such a request
 * is refused with a 413 naming the limit, never handed on with the cut value.
 */
export function refuseCutFields(limits: ResolvedLimits) {
  return (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void => {
    const body = request.body;
    if (typeof body === 'object' && body !== null && request.isMultipart?.()) {
      for (const entry of Object.values(body as Record<string, Part | Part[]>)) {
        for (const part of Array.isArray(entry) ? entry : [entry]) {
          if (part?.valueTruncated) {
            return done(new ClientRequestError('DEFT_REQ_FIELD_TOO_LARGE', `A form field is larger than ${limits.fieldSize} bytes (limits.fieldSize)`));
          }
        }
      }
    }
    done();
  };
}
