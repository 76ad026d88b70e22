import autocannon from 'autocannon';
import type { BenchRequest } from '../scenarios/scenario';
import { Latencies } from './latencies';

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
  const latencies = new Latencies();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: options.connections,
        ...(options.amount === undefined ? { duration: options.seconds ?? 10 } : { amount: options.amount }),
        requests: requests.map(toAutocannon),
      },
      (error: unknown, done) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.record(responseTime));
  });
  const [p50Ms, p99Ms] = latencies.percentiles(50, 99) as [number, number];
  const statuses: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = stats.count ?? 0;
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    requestsPerSecond: total / result.duration,
    p50Ms,
    p99Ms,
    total,
    statuses,
    errors: result.errors,
    seconds: result.duration,
  };
}
