import type { Socket } from 'node:net';
import type { ResolvedLimits } from '../http/request-limits';
import { refuseOnSocket } from './refusal';
import type { ResolvedTimeouts } from './server-timeouts';

interface ParserError extends Error {
  readonly code?: string;
  readonly reason?: string;
}

/**
 * The server's `clientError` listener: what Node's HTTP parser refuses gets a
 * JSON answer, as every other error does: 431 for headers over
 * `limits.headerSize`, 408 for a request slower than its timeouts, 400 for
 * the rest (a malformed request line or header, an unknown method,
 * conflicting lengths). A connection reset needs no answer.
 */
export function answerClientErrors(limits: ResolvedLimits, timeouts: ResolvedTimeouts) {
  return (error: ParserError, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    if (error.code === 'HPE_HEADER_OVERFLOW') {
      refuseOnSocket(socket, 'DEFT_REQ_HEADERS_TOO_LARGE', `The request line and headers are larger than ${limits.headerSize} bytes (limits.headerSize)`);
    } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      refuseOnSocket(
        socket,
        'DEFT_REQ_TIMEOUT',
        `The request did not arrive in time: its headers within ${timeouts.headers} ms (timeouts.headers), all of it within ${timeouts.request} ms (timeouts.request)`,
      );
    } else {
      const reason = typeof error.reason === 'string' && error.reason !== '' ? `: ${error.reason}` : '';
      refuseOnSocket(socket, 'DEFT_REQ_MALFORMED', `Invalid HTTP request${reason}`);
    }
  };
}
