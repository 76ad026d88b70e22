import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResolvedLimits } from '../http/request-limits';
import { refuse } from './refusal';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Whether a header name is `Host`, in any case, without making a lower-case copy (`c | 32` is `c` in lower case for a letter, and a letter only). */
function isHost(name: string): boolean {
  return (
    name.length === 4 &&
    (name.charCodeAt(0) | 32) === 104 &&
    (name.charCodeAt(1) | 32) === 111 &&
    (name.charCodeAt(2) | 32) === 115 &&
    (name.charCodeAt(3) | 32) === 116
  );
}

/** Whether the request has no Host header (`-1`), one (`1`) or more than one (`2`). */
function hostHeaders(raw: readonly string[]): number {
  let found = 0;
  for (let i = 0; i < raw.length; i += 2) {
    if (isHost(raw[i]!) && ++found > 1) return 2;
  }
  return found === 0 ? -1 : 1;
}

/** A Transfer-Encoding whose last coding is `chunked`, the only one that tells where a request's body ends (RFC 9112, 6.3). */
const CHUNKED_LAST = /(?:^|,)[ \t]*chunked[ \t]*$/i;

/**
 * Wraps the server's request handler with what Node's HTTP layer lets
 * through and RFC 9112 refuses, and what Deft refuses before routing, each a
 * JSON 4xx: a request line without a version (HTTP/0.9) or of another major
 * version, an HTTP/1.1 request without a Host header or with several, a
 * Transfer-Encoding that does not end with `chunked` (Node lets it through:
 * a proxy that reads the body's length otherwise can be smuggled a
 * request), more header lines than `limits.headerCount` (Node would drop
 * the rest silently); and, while the app closes, every new request gets a 503 and
 * its connection is closed. A few comparisons per request.
 */
export function guardRequests(handler: Handler, limits: ResolvedLimits, closing: () => boolean): Handler {
  const maxRaw = limits.headerCount * 2;
  return function guardedRequest(req, res) {
    if (req.httpVersionMajor !== 1) {
      return refuse(res, 'DEFT_REQ_HTTP_VERSION', `HTTP/${req.httpVersion} is not supported: send HTTP/1.1 (or HTTP/1.0)`);
    }
    const raw = req.rawHeaders;
    if (raw.length > maxRaw) {
      return refuse(res, 'DEFT_REQ_TOO_MANY_HEADERS', `The request has more than ${limits.headerCount} headers (limits.headerCount)`);
    }
    const hosts = hostHeaders(raw);
    if (hosts === 2) return refuse(res, 'DEFT_REQ_HOST_INVALID', 'The request has more than one Host header');
    if (hosts < 0 && req.httpVersionMinor === 1) return refuse(res, 'DEFT_REQ_HOST_INVALID', 'An HTTP/1.1 request must have a Host header');
    const codings = req.headers['transfer-encoding'];
    if (codings !== undefined && !CHUNKED_LAST.test(codings)) {
      return refuse(res, 'DEFT_REQ_TRANSFER_ENCODING_INVALID', 'The Transfer-Encoding of a request must end with chunked');
    }
    if (closing()) return refuse(res, 'DEFT_REQ_SHUTTING_DOWN', 'Service Unavailable: the server is shutting down');
    handler(req, res);
  };
}
