import { HTTPException } from './http-exception';
import { requestErrorCodes, type RequestErrorCode } from './error-codes';

/**
 * A request Deft refuses before it reaches a handler: malformed, too large,
 * too deep, too many, too late. An `HTTPException` with the registry's status
 * for its `code`, so it is rendered (and can be handled) as any other, and
 * `detail` says what was wrong; a limit's detail names the limit and its value.
 */
export class ClientRequestError extends HTTPException {
  readonly code: RequestErrorCode;

  constructor(code: RequestErrorCode, detail: string, headers?: Record<string, string>) {
    super(requestErrorCodes[code].status, detail, headers);
    this.name = 'ClientRequestError';
    this.code = code;
  }
}
