import { errorCodes, type ErrorCode } from './error-codes';

/**
 * A developer mistake, found at start-up (or, for teardown misuse, at run time).
 * The message names the class, method and parameter involved and says what to
 * change; `code` is a key of the registry in `error-codes.ts`.
 */
export class DeftError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, detail: string, options?: { cause?: unknown }) {
    super(`${code}: ${detail}`, options);
    this.name = 'DeftError';
    this.code = code;
  }

  /** The one-line summary the registry gives for this error's code. */
  get summary(): string {
    return errorCodes[this.code];
  }
}
