import type { PairedResult, PairedWindow } from '../src/harness/paired';
import { renderMarkdown } from '../src/harness/markdown';
import { pairedRatio } from '../src/harness/results';
import { pairedResults } from './paired-results';
import type { StartupResult } from '../src/harness/startup';
import { SliceRotation, type Pausable } from '../src/harness/slice-rotation';
import type { ScenarioName } from '../src/scenarios/scenario';
import { median, quantile } from '../src/harness/stats';

class FakeServer implements Pausable {
  running = true;
  pause(): void {
    this.running = false;
  }
  resume(): void {
    this.running = true;
  }
}

const runningOf = (servers: readonly FakeServer[]) => servers.flatMap((s, i) => (s.running ? [i] : []));

describe('SliceRotation', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lets exactly one server run at a time, in turn, for slices of 0.2 to 1.2 times the mean', () => {
    const servers = [new FakeServer(), new FakeServer(), new FakeServer()];
    const rotation = new SliceRotation(servers, 100, () => 0.5); // every slice 70 ms
    rotation.start(1);
    expect(runningOf(servers)).toEqual([1]);
    jest.advanceTimersByTime(69);
    expect(runningOf(servers)).toEqual([1]);
    jest.advanceTimersByTime(1);
    expect(runningOf(servers)).toEqual([2]);
    jest.advanceTimersByTime(70);
    expect(runningOf(servers)).toEqual([0]);
    jest.advanceTimersByTime(70);
    expect(runningOf(servers)).toEqual([1]);
    rotation.stop();
    expect(runningOf(servers)).toEqual([0, 1, 2]);
    jest.advanceTimersByTime(1000);
    expect(runningOf(servers)).toEqual([0, 1, 2]);
  });

  it('draws each slice length anew', () => {
    const servers = [new FakeServer(), new FakeServer()];
    const draws = [0, 1, 0];
    const rotation = new SliceRotation(servers, 100, () => draws.shift() ?? 0);
    rotation.start();
    jest.advanceTimersByTime(20); // 0.2 × 100
    expect(runningOf(servers)).toEqual([1]);
    jest.advanceTimersByTime(119);
    expect(runningOf(servers)).toEqual([1]);
    jest.advanceTimersByTime(1); // 1.2 × 100
    expect(runningOf(servers)).toEqual([0]);
    rotation.stop();
  });
});

describe('statistics of the results', () => {
  it('quantiles interpolate between neighbours; the median of an even list is the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantile([1, 2], 0.75)).toBe(1.75);
    expect(median([])).toBeNaN();
  });

  it("a paired ratio is the median of the windows' own ratios of requests per CPU-second", () => {
    const windows = (pairs: [number, number][]): PairedWindow[] => pairs.map(([requests, cpuSeconds]) => ({ requests, cpuSeconds, ratio: Number.NaN }));
    const result: PairedResult = {
      scenario: 'hello',
      figures: [
        // Requests per CPU-second, Deft: 900, 1100, 2000; Fastify: 1000, 500, 1000 (window ratios 0.9, 2.2, 2).
        { impl: 'deft', requestsPerCpuSecond: 1100, ratio: Number.NaN, windows: windows([[900, 1], [550, 0.5], [2000, 1]]) },
        { impl: 'fastify', requestsPerCpuSecond: 1000, ratio: 1, windows: windows([[1000, 1], [1000, 2], [500, 0.5]]) },
      ],
    };
    // Not the ratio of the medians (1100 / 1000): a slow window of one side is set against the same window of the other.
    expect(pairedRatio(result, 'deft', 'fastify')).toBe(2);
    expect(pairedRatio(result, 'fastify', 'deft')).toBe(0.5);
    expect(pairedRatio(result, 'deft', 'nest')).toBeUndefined();
  });
});

describe('the targets table', () => {
  const windows = (rate: number): PairedWindow[] => [{ requests: rate, cpuSeconds: 1, ratio: Number.NaN }];
  const scenario = (name: ScenarioName, deft: number, fastify: number, fastapi: number): PairedResult => ({
    scenario: name,
    figures: [
      { impl: 'deft', requestsPerCpuSecond: deft, ratio: deft / fastify, windows: windows(deft) },
      { impl: 'fastify', requestsPerCpuSecond: fastify, ratio: 1, windows: windows(fastify) },
      { impl: 'fastapi', requestsPerCpuSecond: fastapi, ratio: fastapi / fastify, windows: windows(fastapi) },
    ],
  });
  const results = pairedResults([scenario('hello', 960, 1000, 100), scenario('query', 1000, 1000, 80)]);

  it("judges issue 7's target and issue 18's goal on the paired ratio, and gives Deft ÷ FastAPI", () => {
    const rows = renderMarkdown(results).split('\n').filter((line) => line.startsWith('| hello |') || line.startsWith('| query |'));
    // The last two rows: the targets table's (the paired table comes first, one row per implementation).
    expect(rows.slice(-2)).toEqual([
      '| hello | 0.96 ✓ | ≥ 0.95 | ≥ 0.97 ✗ | – | – | – | 9.6× |',
      '| query | 1.00 ✓ | ≥ 0.9 | ≥ 1 ✓ | – | – | – | 12.5× |',
    ]);
  });
});

describe('the start-up table', () => {
  const startup = { routes: 1000, spawnToListeningMs: 662, listeningMs: 642, modulesLoadedMs: 275, createAppMs: 165, openapiMs: 115, openapiPaths: 1000, openapiBytes: 979391, runs: [] };
  const rows = (table: Record<string, unknown>) =>
    renderMarkdown({ ...pairedResults([]), startup: table as unknown as StartupResult })
      .split('\n')
      .filter((line) => line.startsWith('| spawn') || line.startsWith('| …'));

  it("splits the app's classes, createApp and Fastify's registration, and judges the goal beside the target", () => {
    expect(rows({ ...startup, classesDefinedMs: 115, readyAndListenMs: 88 })).toEqual([
      '| spawn → listening (seen from outside) | 662 ✓ (target < 1000; goal of issue 18 < 500 ✗) |',
      '| … of which modules loaded | 275 |',
      "| … of which the app's classes defined (their decorators run) | 115 |",
      '| … of which createApp (compile 1000 routes) | 165 |',
      '| … of which ready and listen (Fastify registers the routes) | 88 |',
    ]);
  });

  it('shows an older result, whose createApp includes the classes, as one row', () => {
    expect(rows(startup).slice(1)).toEqual(['| … of which modules loaded | 275 |', "| … of which createApp (the app's classes defined, then 1000 routes compiled) | 165 |"]);
  });
});
