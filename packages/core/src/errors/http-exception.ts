import { STATUS_CODES } from 'node:http';

/**
 * An error meant for the client: rendered as `{"detail": detail}` with the given
 * status and headers (an empty body for statuses that allow none).
 */
export class HTTPException extends Error {
  readonly statusCode: number;
  readonly detail: unknown;
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(statusCode: number, detail?: unknown, headers?: Record<string, string>) {
    const resolvedDetail = detail === undefined || detail === null ? (STATUS_CODES[statusCode] ?? 'Error') : detail;
    super(typeof resolvedDetail === 'string' ? resolvedDetail : JSON.stringify(resolvedDetail));
    this.name = 'HTTPException';
    this.statusCode = statusCode;
    this.detail = resolvedDetail;
    this.headers = headers;
  }
}
