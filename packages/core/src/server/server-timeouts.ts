/**
 * How long the server waits, in milliseconds (`createApp({ timeouts })`); `0`
 * turns one off. Together they keep a slow or silent client from holding a
 * connection: one that sends its headers a byte at a time is cut off by
 * `headers`, a slow body by `request`, and one that stops reading its
 * response by `idle`.
 */
export interface ServerTimeouts {
  /** The whole request, headers and body, must arrive within it, or 408 (Fastify's `requestTimeout`). Default 120 s. */
  request?: number;
  /** The request line and headers must arrive within it, or 408 (Node's `headersTimeout`). Default 20 s. */
  headers?: number;
  /** An idle kept-alive connection is closed after it (Fastify's `keepAliveTimeout`). Default 72 s. */
  keepAlive?: number;
  /**
   * A connection with no traffic either way for this long is closed, a
   * request on it ending as aborted by the server (Fastify's
   * `connectionTimeout`). Default 120 s.
   */
  idle?: number;
  /**
   * How long `close()` (and SIGTERM) lets running requests finish before it
   * aborts them; `Infinity` waits for them however long they take. Default 10 s.
   */
  shutdown?: number;
}

export type ResolvedTimeouts = Readonly<Required<ServerTimeouts>>;

export const DEFAULT_TIMEOUTS: ResolvedTimeouts = Object.freeze({
  request: 120_000,
  headers: 20_000,
  keepAlive: 72_000,
  idle: 120_000,
  shutdown: 10_000,
});

/**
 * How often Node checks the `headers` and `request` timeouts: a quarter of
 * the shorter one, at most every 30 s (Node's default interval), so that a
 * request is cut off at most a quarter late.
 */
export function checkingInterval(timeouts: ResolvedTimeouts): number {
  const active = [timeouts.headers, timeouts.request].filter((ms) => ms > 0);
  return active.length === 0 ? 30_000 : Math.max(1, Math.min(30_000, Math.floor(Math.min(...active) / 4)));
}
