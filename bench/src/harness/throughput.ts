import { supports, type Implementation, type ImplementationName } from '../implementations';
import type { Scenario } from '../scenarios/scenario';
import { runLoad, type LoadResult } from './load';
import type { BenchOptions } from './options';
import type { ServerProcess } from './server-process';
import { median } from './stats';

/** One implementation's figures in one scenario: medians over the rounds, and every round kept. */
export interface ScenarioFigures {
  readonly impl: ImplementationName;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Share of one core the server used while measured (near 1 means the server, not the load generator, was the limit). */
  readonly serverCpu: number;
  /** Statuses other than the scenario's expected ones (a broken implementation must not look fast). */
  readonly unexpected: Readonly<Record<string, number>>;
  readonly rounds: readonly (LoadResult & { serverCpu: number })[];
}

export interface ScenarioResult {
  readonly scenario: Scenario['name'];
  readonly figures: readonly ScenarioFigures[];
}

async function measure(server: ServerProcess, scenario: Scenario, seconds: number, connections: number) {
  const cpuBefore = server.cpu() ?? 0;
  const result = await runLoad(server.url, scenario.load, { seconds, connections });
  const serverCpu = ((server.cpu() ?? 0) - cpuBefore) / result.seconds;
  return { ...result, serverCpu };
}

function unexpectedStatuses(scenario: Scenario, rounds: readonly LoadResult[]): Record<string, number> {
  const expected = new Set(scenario.load.map((r) => String(r.status)));
  const unexpected: Record<string, number> = {};
  for (const round of rounds) {
    for (const [status, count] of Object.entries(round.statuses)) {
      if (!expected.has(status)) unexpected[status] = (unexpected[status] ?? 0) + count;
    }
    if (round.errors > 0) unexpected.errors = (unexpected.errors ?? 0) + round.errors;
  }
  return unexpected;
}

/**
 * One scenario against every running server: a warm-up each, then rounds in
 * which the implementations take turns, the first one rotating (A B C D,
 * B C D A, ...), so that neither a slow phase of a busy machine nor a place
 * in the order favours one of them.
 */
export async function measureScenario(
  scenario: Scenario,
  servers: ReadonlyMap<ImplementationName, ServerProcess>,
  impls: readonly Implementation[],
  options: BenchOptions,
  log: (line: string) => void,
): Promise<ScenarioResult> {
  const taking = impls.filter((impl) => supports(impl, scenario.name) && servers.has(impl.name));
  for (const impl of taking) await runLoad(servers.get(impl.name)!.url, scenario.load, { seconds: options.warmupSeconds, connections: options.connections });
  const rounds = new Map<ImplementationName, (LoadResult & { serverCpu: number })[]>(taking.map((impl) => [impl.name, []]));
  for (let round = 1; round <= options.rounds; round++) {
    const order = taking.map((_, i) => taking[(i + round - 1) % taking.length]!);
    for (const impl of order) {
      const result = await measure(servers.get(impl.name)!, scenario, options.measureSeconds, options.connections);
      rounds.get(impl.name)!.push(result);
      log(`  ${scenario.name} round ${round} ${impl.name}: ${result.requestsPerSecond.toFixed(0)} req/s, p99 ${result.p99Ms.toFixed(2)} ms, server cpu ${(result.serverCpu * 100).toFixed(0)}%`);
    }
  }
  return {
    scenario: scenario.name,
    figures: taking.map((impl) => {
      const own = rounds.get(impl.name)!;
      return {
        impl: impl.name,
        requestsPerSecond: median(own.map((r) => r.requestsPerSecond)),
        p50Ms: median(own.map((r) => r.p50Ms)),
        p99Ms: median(own.map((r) => r.p99Ms)),
        serverCpu: median(own.map((r) => r.serverCpu)),
        unexpected: unexpectedStatuses(scenario, own),
        rounds: own,
      };
    }),
  };
}
