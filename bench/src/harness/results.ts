import type { ImplementationName } from '../implementations';
import type { MachineInfo } from './machine';
import type { MemoryResult } from './memory';
import type { PairedResult } from './paired';
import type { BenchOptions } from './options';
import type { ScenarioProfile } from './profile';
import type { StartupResult } from './startup';
import { median } from './stats';
import type { ScenarioResult } from './throughput';

/** Everything one run measured: written as `results/<date>.json` and rendered as `results/<date>.md`. */
export interface BenchResults {
  readonly date: string;
  readonly quick: boolean;
  readonly machine: MachineInfo;
  readonly method: Pick<
    BenchOptions,
    'connections' | 'warmupSeconds' | 'measureSeconds' | 'rounds' | 'pairedProcesses' | 'pairedWindows' | 'pairedSeconds' | 'memoryRequests' | 'startupRuns'
  >;
  readonly notes: readonly string[];
  readonly throughput: readonly ScenarioResult[];
  /** Ratios from implementations taking turns in short slices (absent in older results and when skipped). */
  readonly paired?: readonly PairedResult[];
  readonly startup?: StartupResult;
  readonly memory?: readonly MemoryResult[];
  readonly profiles?: readonly ScenarioProfile[];
}

/** Issue 7's targets: Deft's throughput as a share of hand-written Fastify's, per scenario. */
export const TARGETS: Readonly<Record<string, number>> = { hello: 0.95, seed: 0.9, chain: 0.9, body: 0.85, query: 0.9, errors: 0.8, routers: 0.9, 'app-scoped': 0.9 };
/** Issue 18's goal, that the programming model costs nothing: every scenario at 0.97 of hand-written Fastify, body and query at 1.0 (Deft knows their schemas at start-up). */
export const GOALS: Readonly<Record<string, number>> = { hello: 0.97, seed: 0.97, chain: 0.97, body: 1, query: 1, errors: 0.97, routers: 0.97, 'app-scoped': 0.97 };
export const STARTUP_TARGET_MS = 1000;
/** Issue 18's goal for the 1000-route app: listening within half a second of being spawned. */
export const STARTUP_GOAL_MS = 500;
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
  return median(a.rounds.map((round, i) => round.requestsPerSecond / b.rounds[i]!.requestsPerSecond));
}

/**
 * `impl`'s requests per CPU-second as a share of `to`'s in the paired
 * measurement: the median of the windows' own ratios (both measured in the
 * same window, in alternating slices).
 */
export function pairedRatio(result: PairedResult, impl: ImplementationName, to: ImplementationName): number | undefined {
  const a = result.figures.find((f) => f.impl === impl)?.windows;
  const b = result.figures.find((f) => f.impl === to)?.windows;
  if (!a || !b || a.length === 0 || a.length !== b.length) return undefined;
  return median(a.map((w, i) => w.requests / w.cpuSeconds / (b[i]!.requests / b[i]!.cpuSeconds)));
}
