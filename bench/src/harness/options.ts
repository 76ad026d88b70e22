import type { ImplementationName } from '../implementations';
import type { ScenarioName } from '../scenarios/scenario';

/** The parts of a run that `--skip` can leave out. */
export type Part = 'throughput' | 'paired' | 'startup' | 'memory';

export interface BenchOptions {
  readonly quick: boolean;
  /** Connections the load generator keeps open. */
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly measureSeconds: number;
  readonly rounds: number;
  /**
   * Fresh sets of server processes for the paired ratios, each measured in
   * `pairedWindows` windows: on a virtual machine two processes of the same
   * server can differ by 10–15 % for their whole life, so many sets are needed.
   */
  readonly pairedProcesses: number;
  readonly pairedWindows: number;
  /** Seconds each implementation runs in one paired window (the window is that times the implementations). */
  readonly pairedSeconds: number;
  /** Requests for the memory measurement (RSS is read half-way and at the end). */
  readonly memoryRequests: number;
  /** Start-ups of the 1000-route app (the median is reported). */
  readonly startupRuns: number;
  readonly scenarios?: readonly ScenarioName[];
  readonly implementations?: readonly ImplementationName[];
  /** The implementations in the paired measurement (Deft, hand-written Fastify and NestJS unless given). */
  readonly pairedImplementations: readonly ImplementationName[];
  readonly skip: ReadonlySet<Part>;
  /** Instead of benchmarking: profile Deft under each scenario's load. */
  readonly profile: boolean;
  /** Appended to the results' file name (`<date>-<label>.md`): `before`, `after`, ... */
  readonly label?: string;
}

const FULL = { warmupSeconds: 5, measureSeconds: 10, rounds: 3, pairedProcesses: 20, pairedWindows: 1, pairedSeconds: 2, memoryRequests: 200_000, startupRuns: 5 };
const QUICK = { warmupSeconds: 1, measureSeconds: 2, rounds: 2, pairedProcesses: 3, pairedWindows: 1, pairedSeconds: 1, memoryRequests: 20_000, startupRuns: 2 };

function list<T extends string>(value: string | undefined): T[] | undefined {
  return value ? (value.split(',').filter(Boolean) as T[]) : undefined;
}

export const USAGE = `npm run bench -- [--quick] [--scenarios hello,seed] [--impls deft,fastify] [--rounds N] [--seconds N] [--warmup N]
                    [--paired-impls deft,fastify,nest] [--paired-processes N] [--paired-windows N] [--paired-seconds N]
                    [--connections N] [--memory-requests N] [--startup-runs N] [--skip throughput,paired,startup,memory]
                    [--profile] [--label NAME] [--help]`;

/** The options `parseOptions` reads; any other is refused, so a misspelt one cannot start a full run. */
const KNOWN = new Set([
  'quick', 'connections', 'warmup', 'seconds', 'rounds', 'paired-processes', 'paired-windows', 'paired-seconds',
  'memory-requests', 'startup-runs', 'scenarios', 'impls', 'paired-impls', 'skip', 'profile', 'label',
]);

/** Whether the command line asks for the usage (`--help`, `-h`) instead of a run. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes('--help') || argv.includes('-h');
}

/** Reads the command line (`--quick` for a short run; every figure can be set on its own). */
export function parseOptions(argv: readonly string[]): BenchOptions {
  const flags = new Map<string, string | undefined>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n${USAGE}`);
    if (!KNOWN.has(arg.slice(2))) throw new Error(`unknown option ${arg}\n${USAGE}`);
    const next = argv[i + 1];
    const hasValue = next !== undefined && !next.startsWith('--');
    flags.set(arg.slice(2), hasValue ? next : undefined);
    if (hasValue) i++;
  }
  const quick = flags.has('quick');
  const preset = quick ? QUICK : FULL;
  const number = (name: string, fallback: number): number => {
    const text = flags.get(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!(value > 0)) throw new Error(`--${name} needs a positive number, not ${text}\n${USAGE}`);
    return value;
  };
  return {
    quick,
    connections: number('connections', 32),
    warmupSeconds: number('warmup', preset.warmupSeconds),
    measureSeconds: number('seconds', preset.measureSeconds),
    rounds: number('rounds', preset.rounds),
    pairedProcesses: number('paired-processes', preset.pairedProcesses),
    pairedWindows: number('paired-windows', preset.pairedWindows),
    pairedSeconds: number('paired-seconds', preset.pairedSeconds),
    memoryRequests: number('memory-requests', preset.memoryRequests),
    startupRuns: number('startup-runs', preset.startupRuns),
    scenarios: list<ScenarioName>(flags.get('scenarios')),
    implementations: list<ImplementationName>(flags.get('impls')),
    pairedImplementations: list<ImplementationName>(flags.get('paired-impls')) ?? ['deft', 'fastify', 'nest'],
    skip: new Set(list<Part>(flags.get('skip')) ?? []),
    profile: flags.has('profile'),
    label: flags.get('label'),
  };
}
