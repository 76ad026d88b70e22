import { ClientRequestError } from '../errors/client-request-error';
import type { RequestErrorCode } from '../errors/error-codes';
import type { ResolvedLimits } from './request-limits';

type Limit = keyof ResolvedLimits;

/** How one error of a library (by its `code`) is answered: the registry's code, and the detail. */
type Answer = readonly [RequestErrorCode, (limits: ResolvedLimits) => string];

const over = (what: string, limit: Limit, unit = '') => (limits: ResolvedLimits) => `${what} ${limits[limit]}${unit} (limits.${limit})`;
const fixed = (detail: string) => () => detail;

/**
 * Every error that Fastify, its body parsers and @fastify/multipart raise for
 * a request the client got wrong, by the library's code, with Deft's code
 * for it and its detail. This is the one place they are translated: what is
 * not here and is not a client error of Fastify's own is a bug (a 500).
 */
const ANSWERS: Readonly<Record<string, Answer>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['DEFT_REQ_BODY_TOO_LARGE', over('The body is larger than', 'bodySize', ' bytes')],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['DEFT_REQ_BODY_LENGTH_MISMATCH', fixed('The body is not as long as its Content-Length says')],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['DEFT_REQ_MEDIA_TYPE_INVALID', fixed('Unsupported Media Type')],
  FST_ERR_BAD_URL: ['DEFT_REQ_URL_INVALID', fixed('The path is not a valid URL: a % must start a percent-encoded byte')],
  FST_ERR_HANDLER_TIMEOUT: ['DEFT_REQ_HANDLER_TIMEOUT', fixed('The request took too long to handle')],
  FST_PARTS_LIMIT: ['DEFT_REQ_TOO_MANY_PARTS', over('The multipart body has more parts than', 'parts')],
  FST_FILES_LIMIT: ['DEFT_REQ_TOO_MANY_FILES', over('The multipart body has more files than', 'files')],
  FST_FIELDS_LIMIT: ['DEFT_REQ_TOO_MANY_FIELDS', over('The multipart body has more fields than', 'fields')],
  FST_REQ_FILE_TOO_LARGE: ['DEFT_REQ_FILE_TOO_LARGE', over('A file is larger than', 'fileSize', ' bytes')],
  FST_PROTO_VIOLATION: ['DEFT_REQ_FIELD_NAME_FORBIDDEN', fixed('A form field is named after a property of Object.prototype')],
  FST_INVALID_JSON_FIELD_ERROR: ['DEFT_REQ_MULTIPART_INVALID', fixed('Invalid multipart data: a field says it is JSON and is not')],
  FST_MP_PREMATURE_CLOSE: ['DEFT_REQ_MULTIPART_INVALID', fixed('Invalid multipart data: the body ended early')],
  FST_INVALID_MULTIPART_CONTENT_TYPE: ['DEFT_REQ_MULTIPART_INVALID', fixed('Invalid multipart data: the request is not multipart')],
};

/** The answer to an error a library raised for the client's request, or `undefined` when it is no such error. */
export function clientErrorOf(error: unknown, limits: ResolvedLimits): ClientRequestError | undefined {
  if (error instanceof ClientRequestError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const answer = typeof code === 'string' ? ANSWERS[code] : undefined;
  return answer ? new ClientRequestError(answer[0], answer[1](limits)) : undefined;
}

/**
 * What a multipart body that the parser (busboy) could not read is answered,
 * as FastAPI (python-multipart) answers: its errors carry no code or status,
 * so this is applied only to errors raised while a form body is parsed.
 */
export function multipartParseError(error: Error): ClientRequestError {
  return /boundary not found/i.test(error.message)
    ? new ClientRequestError('DEFT_REQ_MULTIPART_BOUNDARY_MISSING', 'Missing boundary in multipart.')
    : new ClientRequestError('DEFT_REQ_MULTIPART_INVALID', 'Invalid multipart data.');
}
