import { STATUS_CODES } from 'node:http';

/**
 * An error meant for the client: rendered as `{"detail": detail}` with the given
 * status and headers (an empty body for statuses that allow none). It is an
 * answer, not a bug, so it carries no stack trace: capturing one was most of
 * its cost on a hot error path (a flood of 401s).
 */
export class HTTPException extends Error {
  readonly statusCode: number;
  readonly detail: unknown;
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(statusCode: number, detail?: unknown, headers?: Record<string, string>) {
    const resolvedDetail = detail === undefined || detail === null ? (STATUS_CODES[statusCode] ?? 'Error') : detail;
    const message = typeof resolvedDetail === 'string' ? resolvedDetail : JSON.stringify(resolvedDetail);
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'HTTPException';
    this.statusCode = statusCode;
    this.detail = resolvedDetail;
    this.headers = headers;
  }
}
