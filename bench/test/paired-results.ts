import type { PairedResult } from '../src/harness/paired';
import type { BenchResults } from '../src/harness/results';

/** A results record holding only `paired`, as a paired-only run writes it (method and machine as the bench's defaults). */
export function pairedResults(paired: PairedResult[]): BenchResults {
  return {
    date: '2026-12-03',
    quick: false,
    machine: { cpuModel: 'test', cores: 2, memoryGiB: 24, node: 'v20', platform: 'linux x64', loadAverageAtStart: [0, 0, 0], pinned: true, gitCommit: undefined, versions: {} },
    method: { connections: 32, warmupSeconds: 5, measureSeconds: 10, rounds: 3, pairedProcesses: 4, pairedWindows: 1, pairedSeconds: 2, memoryRequests: 1, startupRuns: 1 },
    notes: [],
    throughput: [],
    paired,
  };
}
