import { supports, type Implementation, type ImplementationName } from '../implementations';
import type { Scenario } from '../scenarios/scenario';
import { runLoad } from './load';
import type { BenchOptions } from './options';
import { ServerProcess, type ServerOptions } from './server-process';

export interface MemoryResult {
  readonly impl: ImplementationName;
  readonly requests: number;
  readonly rssAfterStartMiB: number | undefined;
  readonly rssHalfwayMiB: number | undefined;
  readonly rssAfterMiB: number | undefined;
}

/**
 * A fresh server per implementation: RSS after start, after half the
 * requests and after all of them (every scenario's requests in turn). Growth
 * in the second half, once caches and JIT have settled, would be a leak.
 */
export async function measureMemory(
  impls: readonly Implementation[],
  scenarios: readonly Scenario[],
  options: BenchOptions,
  serverOptions: ServerOptions,
  log: (line: string) => void,
): Promise<MemoryResult[]> {
  const results: MemoryResult[] = [];
  for (const impl of impls) {
    const requests = scenarios.filter((s) => supports(impl, s.name)).flatMap((s) => s.load);
    const server = await ServerProcess.start(impl, serverOptions);
    try {
      const rssAfterStartMiB = server.rss();
      const half = Math.floor(options.memoryRequests / 2);
      await runLoad(server.url, requests, { connections: options.connections, amount: half });
      const rssHalfwayMiB = server.rss();
      await runLoad(server.url, requests, { connections: options.connections, amount: options.memoryRequests - half });
      const rssAfterMiB = server.rss();
      log(`  memory ${impl.name}: ${rssAfterStartMiB?.toFixed(1)} → ${rssHalfwayMiB?.toFixed(1)} → ${rssAfterMiB?.toFixed(1)} MiB`);
      results.push({ impl: impl.name, requests: options.memoryRequests, rssAfterStartMiB, rssHalfwayMiB, rssAfterMiB });
    } finally {
      await server.stop();
    }
  }
  return results;
}
