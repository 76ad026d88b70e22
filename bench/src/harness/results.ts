import type { ImplementationName } from '../implementations';
import type { MachineInfo } from './machine';
import type { MemoryResult } from './memory';
import type { BenchOptions } from './options';
import type { ScenarioProfile } from './profile';
import type { StartupResult } from './startup';
import type { ScenarioResult } from './throughput';

/** Everything one run measured: written as `results/<date>.json` and rendered as `results/<date>.md`. */
export interface BenchResults {
  readonly date: string;
  readonly quick: boolean;
  readonly machine: MachineInfo;
  readonly method: Pick<BenchOptions, 'connections' | 'warmupSeconds' | 'measureSeconds' | 'rounds' | 'memoryRequests' | 'startupRuns'>;
  readonly notes: readonly string[];
  readonly throughput: readonly ScenarioResult[];
  readonly startup?: StartupResult;
  readonly memory?: readonly MemoryResult[];
  readonly profiles?: readonly ScenarioProfile[];
}

/** Issue 7's targets: Deft's throughput as a share of hand-written Fastify's, per scenario. */
export const TARGETS: Readonly<Record<string, number>> = { hello: 0.95, seed: 0.9, chain: 0.9, body: 0.85, query: 0.9, errors: 0.8 };
export const STARTUP_TARGET_MS = 1000;
export const REQUEST_SCOPE_FACTOR = 3;

/**
 * `impl`'s throughput as a share of `to`'s: the median of the rounds' own
 * ratios (both ran in the same round, minutes apart at most), which a slow
 * phase of the machine skews less than a ratio of two medians.
 */
export function ratio(result: ScenarioResult, impl: ImplementationName, to: ImplementationName): number | undefined {
  const a = result.figures.find((f) => f.impl === impl);
  const b = result.figures.find((f) => f.impl === to);
  if (!a || !b || b.requestsPerSecond === 0) return undefined;
  if (a.rounds.length === 0 || a.rounds.length !== b.rounds.length) return a.requestsPerSecond / b.requestsPerSecond;
  const perRound = a.rounds.map((round, i) => round.requestsPerSecond / b.rounds[i]!.requestsPerSecond).sort((x, y) => x - y);
  const middle = perRound.length / 2;
  return perRound.length % 2 === 1 ? perRound[Math.floor(middle)]! : (perRound[middle - 1]! + perRound[middle]!) / 2;
}
