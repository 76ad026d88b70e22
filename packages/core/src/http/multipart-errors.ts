import type { FastifyError } from 'fastify';
import { HTTPException } from '../errors/http-exception';

/**
 * The error handler of the routes that read forms: a multipart body the
 * parser cannot read (no boundary, cut short, a malformed part) is the
 * client's fault, so it answers 400 as Starlette does, never 500. Anything
 * else goes on to the app's handler. Deft's route handlers render their own
 * errors, so what reaches here was raised while the body was parsed.
 */
export function multipartParseErrors(error: FastifyError): never {
  if (typeof error.statusCode === 'number') throw error;
  const detail = /boundary not found/i.test(error.message) ? 'Missing boundary in multipart.' : 'There was an error parsing the body';
  throw new HTTPException(400, detail);
}
