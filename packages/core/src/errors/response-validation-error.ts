import type { ValidationErrorItem } from './request-validation-error';

/**
 * A handler's result that does not fit the route's response model: the
 * application's bug, answered with a 500 (the client learns nothing of it) and
 * logged with every problem and the route, as FastAPI's
 * `ResponseValidationError`.
 */
export class ResponseValidationError extends Error {
  readonly errors: readonly ValidationErrorItem[];

  constructor(errors: readonly ValidationErrorItem[], where: string) {
    const lines = errors.map((e) => `  ${JSON.stringify({ type: e.type, loc: e.loc, msg: e.msg, input: e.input })}`);
    super(`${errors.length} validation error${errors.length === 1 ? '' : 's'} in the response of ${where}:\n${lines.join('\n')}`);
    this.name = 'ResponseValidationError';
    this.errors = errors;
  }
}
