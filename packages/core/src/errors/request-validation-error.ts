/** One entry of a 422 response, in FastAPI's (Pydantic v2's) shape and key order. */
export interface ValidationErrorItem {
  type: string;
  loc: (string | number)[];
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

/** Raised when a request's parameters or body fail validation; rendered as 422. Like `HTTPException`, it carries no stack trace. */
export class RequestValidationError extends Error {
  readonly errors: readonly ValidationErrorItem[];
  /** The request body as parsed (FastAPI's `exc.body`), for handlers that echo it back; `undefined` without one. */
  readonly body: unknown;

  constructor(errors: readonly ValidationErrorItem[], body?: unknown) {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(`${errors.length} validation error${errors.length === 1 ? '' : 's'} in the request`);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'RequestValidationError';
    this.errors = errors;
    this.body = body;
  }
}

/** Builds an item with FastAPI's key order (`type, loc, msg, input, ctx`). */
export function validationItem(
  type: string,
  loc: (string | number)[],
  msg: string,
  input: unknown,
  ctx?: Record<string, unknown>,
): ValidationErrorItem {
  return ctx === undefined ? { type, loc, msg, input } : { type, loc, msg, input, ctx };
}

export function missingItem(loc: (string | number)[], input: unknown = null): ValidationErrorItem {
  return validationItem('missing', loc, 'Field required', input);
}
