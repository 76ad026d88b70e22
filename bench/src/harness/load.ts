import autocannon from 'autocannon';
import type { BenchRequest } from '../scenarios/scenario';

export interface LoadOptions {
  readonly connections: number;
  /** Seconds of load; ignored when `amount` is set. */
  readonly seconds?: number;
  /** A fixed number of requests instead of a duration. */
  readonly amount?: number;
}

/** One measurement: throughput, latency, and what the server answered. */
export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly total: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly seconds: number;
}

function toAutocannon(request: BenchRequest): autocannon.Request {
  return { method: request.method, path: request.path, headers: { ...request.headers }, body: request.body };
}

/** Runs autocannon against `url`, cycling through `requests` on every connection. */
export async function runLoad(url: string, requests: readonly BenchRequest[], options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: options.connections,
    ...(options.amount === undefined ? { duration: options.seconds ?? 10 } : { amount: options.amount }),
    requests: requests.map(toAutocannon),
  });
  const statuses: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = stats.count ?? 0;
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    requestsPerSecond: total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total,
    statuses,
    errors: result.errors,
    seconds: result.duration,
  };
}
