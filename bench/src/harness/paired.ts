import { REFERENCE, supports, type Implementation, type ImplementationName } from '../implementations';
import type { Scenario } from '../scenarios/scenario';
import { runLoad } from './load';
import type { BenchOptions } from './options';
import type { PythonInfo } from './python';
import { ServerProcess } from './server-process';
import { SliceRotation } from './slice-rotation';
import { median } from './stats';

/** One implementation in one window: what it answered and the CPU it used for it. */
export interface PairedWindow {
  readonly requests: number;
  readonly cpuSeconds: number;
  /** Requests per CPU-second of the server, over the requests per CPU-second of the reference in the same window. */
  readonly ratio: number;
}

export interface PairedFigures {
  readonly impl: ImplementationName;
  /** Median over the windows of requests answered per CPU-second: the throughput of one fully used core. */
  readonly requestsPerCpuSecond: number;
  /** Median over the windows of the ratio to the reference. */
  readonly ratio: number;
  readonly windows: readonly PairedWindow[];
}

export interface PairedResult {
  readonly scenario: Scenario['name'];
  readonly figures: readonly PairedFigures[];
}

/** The mean slice; each is 0.2 to 1.2 times it. */
export const SLICE_MS = 40;

async function measureWindow(servers: readonly ServerProcess[], scenario: Scenario, options: BenchOptions, first: number) {
  const rotation = new SliceRotation(servers, SLICE_MS);
  const before = servers.map((s) => s.cpu() ?? Number.NaN);
  rotation.start(first);
  let loads;
  try {
    // Each server runs for about a 1/n share of the window, so the window is n times as long.
    const seconds = options.pairedSeconds * servers.length;
    loads = await Promise.all(servers.map((s) => runLoad(s.url, scenario.load, { connections: options.connections, seconds })));
  } finally {
    rotation.stop();
  }
  return loads.map((load, i) => ({ requests: load.total, cpuSeconds: (servers[i]!.cpu() ?? Number.NaN) - before[i]! }));
}

/**
 * The ratios of one scenario, measured with the implementations taking turns
 * on the server core in slices of tens of milliseconds (see `SliceRotation`)
 * and compared by requests per CPU-second. Alternating windows seconds long
 * leave the machine's slow phases to chance; slices this short give each
 * implementation the same machine. What remains is the process: on a virtual
 * machine two processes of the same server can differ by 10–15 % for their
 * whole life (where their memory landed, how their JIT settled), so each of
 * `options.pairedProcesses` sets starts fresh processes, warms them up and
 * measures them; the ratio is the median over all windows.
 */
export async function measurePaired(
  scenario: Scenario,
  impls: readonly Implementation[],
  options: BenchOptions,
  python: PythonInfo | undefined,
  log: (line: string) => void,
): Promise<PairedResult> {
  const taking = impls.filter((impl) => supports(impl, scenario.name));
  const reference = taking.findIndex((impl) => impl.name === REFERENCE);
  const windows = new Map<ImplementationName, PairedWindow[]>(taking.map((impl) => [impl.name, []]));
  for (let set = 0; set < options.pairedProcesses; set++) {
    const servers: ServerProcess[] = [];
    try {
      for (const impl of taking) servers.push(await ServerProcess.start(impl, { python }));
      for (const server of servers) await runLoad(server.url, scenario.load, { connections: options.connections, seconds: options.pairedSeconds });
      for (let w = 0; w < options.pairedWindows; w++) {
        const measured = await measureWindow(servers, scenario, options, set * options.pairedWindows + w);
        const perCpu = measured.map((m) => m.requests / m.cpuSeconds);
        measured.forEach((m, i) => windows.get(taking[i]!.name)!.push({ ...m, ratio: reference < 0 ? Number.NaN : perCpu[i]! / perCpu[reference]! }));
        log(`  ${scenario.name} paired ${set + 1}.${w + 1}: ${taking.map((impl, i) => `${impl.name} ${perCpu[i]!.toFixed(0)}`).join(', ')} req/cpu-s`);
      }
    } finally {
      for (const server of servers) await server.stop();
    }
  }
  return {
    scenario: scenario.name,
    figures: taking.map((impl) => {
      const own = windows.get(impl.name)!;
      return {
        impl: impl.name,
        requestsPerCpuSecond: median(own.map((w) => w.requests / w.cpuSeconds)),
        ratio: median(own.map((w) => w.ratio)),
        windows: own,
      };
    }),
  };
}
