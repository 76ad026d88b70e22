import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import secureJson from 'secure-json-parse';
import { nestsDeeperThan } from './json-depth';
import { ClientRequestError } from '../errors/client-request-error';
import { locateJsonSyntaxError } from './json-syntax-error';
import { InvalidJsonBody, NotUtf8Body } from './refused-body';
import type { ResolvedLimits } from './request-limits';

const JSON_TYPES = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * The body as text, refused when its bytes are not UTF-8: a replacement
 * character would alter what the client sent. Decoding replaces every byte
 * sequence that is not UTF-8 with U+FFFD, so a text without one came from
 * UTF-8; only a text with one (sent, or made by decoding) has its bytes checked.
 */
function utf8Text(body: Buffer): string | NotUtf8Body {
  const text = body.toString('utf8');
  return !text.includes('\uFFFD') || isUtf8(body) ? text : new NotUtf8Body();
}

function parseJson(body: Buffer, limits: ResolvedLimits): unknown {
  // Only an empty body is no body: white space alone is malformed JSON, as in FastAPI.
  if (body.length === 0) return undefined;
  const text = utf8Text(body);
  if (typeof text !== 'string') return text;
  if (nestsDeeperThan(text, limits.jsonDepth)) {
    throw new ClientRequestError('DEFT_REQ_JSON_TOO_DEEP', `The JSON body nests deeper than ${limits.jsonDepth} levels (limits.jsonDepth)`);
  }
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
 * type, so a route expecting JSON answers 422 instead of 415. Bytes that are
 * not UTF-8 are kept for a 400 (see `RefusedBody`); JSON nested deeper than
 * `limits.jsonDepth` answers 413 before anything parses it. Form bodies are parsed by @fastify/formbody and
 * @fastify/multipart, registered elsewhere.
 */
export function installBodyParsers(fastify: FastifyInstance, limits: ResolvedLimits): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(JSON_TYPES, { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      done(null, parseJson(body as Buffer, limits));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    const buffer = body as Buffer;
    done(null, buffer.length === 0 ? undefined : utf8Text(buffer));
  });
}
