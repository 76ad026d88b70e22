import type { PairedWindow } from '../src/harness/paired';
import { pairedResults } from './paired-results';
import { turnSummary } from '../src/in-turns/turn-summary';

const windows = (...rates: number[]): PairedWindow[] => rates.map((rate) => ({ requests: rate, cpuSeconds: 1, ratio: Number.NaN }));

describe('in-turns: one turn in a line', () => {
  it("gives each Deft implementation's paired ratio to Fastify and to its twin, window by window, and nothing for the others", () => {
    const line = turnSummary(
      pairedResults([
        {
          scenario: 'hello',
          figures: [
            { impl: 'deft', requestsPerCpuSecond: 0, ratio: 0, windows: windows(90, 96) },
            { impl: 'deft-middleware', requestsPerCpuSecond: 0, ratio: 0, windows: windows(80, 84) },
            { impl: 'fastify', requestsPerCpuSecond: 0, ratio: 0, windows: windows(100, 100) },
            { impl: 'fastify-timing-hooks', requestsPerCpuSecond: 0, ratio: 0, windows: windows(100, 96) },
          ],
        },
      ]),
    );
    expect(line).toBe('hello deft 0.93 of fastify; hello deft-middleware 0.82 of fastify, 0.84 of fastify-timing-hooks');
  });

  it('says so when no Deft implementation ran beside anything to compare it with', () => {
    const line = turnSummary(pairedResults([{ scenario: 'hello', figures: [{ impl: 'deft', requestsPerCpuSecond: 0, ratio: 0, windows: windows(90) }] }]));
    expect(line).toBe('no paired ratio (run a Deft implementation beside fastify or its twin)');
  });
});
