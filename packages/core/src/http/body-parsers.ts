import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { locateJsonSyntaxError, type JsonSyntaxError } from './json-syntax-error';

/** Left in `request.body` when a JSON body does not parse; routes that read a body report it as 422. */
export class InvalidJsonBody {
  constructor(readonly error: JsonSyntaxError) {}
}

const JSON_TYPES = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function parseJson(text: string): unknown {
  // Only an empty body is no body: white space alone is malformed JSON, as in FastAPI.
  if (text === '') return undefined;
  try {
    return secureJson.parse(text, null, { protoAction: 'remove', constructorAction: 'remove' });
  } catch {
    return new InvalidJsonBody(locateJsonSyntaxError(text));
  }
}

/**
 * Body parsing as FastAPI does it: JSON for `application/json` and
 * `application/*+json` (an empty body is no body; malformed JSON is kept for a
 * 422 rather than failing every route), and the raw text of any other content
 * type, so a route expecting JSON answers 422 instead of 415. Form bodies are
 * parsed by @fastify/formbody and @fastify/multipart, registered elsewhere.
 */
export function installBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_TYPES, { parseAs: 'string' }, (_request, body, done) => {
    done(null, parseJson(body as string));
  });
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    const buffer = body as Buffer;
    done(null, buffer.length === 0 ? undefined : buffer.toString('utf8'));
  });
}
