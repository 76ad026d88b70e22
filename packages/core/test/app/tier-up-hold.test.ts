import { spawnSync } from 'node:child_process';

/**
 * Whether V8 optimized a fresh function after the same number of calls, at
 * four moments: before any app, while an app starts, once it is ready, and
 * after a `createApp` that threw. Only V8 can tell (`%GetOptimizationStatus`),
 * so this runs in a child process given `--allow-natives-syntax`, with
 * optimization on the main thread so that it happens at the budget's end.
 * 10 000 calls cross V8's default interrupt budget for this function and not
 * four times it.
 */
const PROBE = `
  const { createApp, Controller } = require('@deft/core');
  const OPTIMIZED = 16;
  const heat = (f) => { for (let i = 0; i < 10000; i++) f(i, 2); return (%GetOptimizationStatus(f) & OPTIMIZED) !== 0; };
  %NeverOptimizeFunction(heat);
  let made = 0;
  const fresh = () => new Function('a', 'b', 'return a * b + a - b + ' + made++ + ';');
  const seen = { before: heat(fresh()) };
  const app = createApp({ controllers: [], fastify: { logger: false } });
  seen.starting = heat(fresh());
  app.ready().then(async () => {
    seen.ready = heat(fresh());
    await app.close();
    class NotAController {}
    try { createApp({ controllers: [NotAController] }); } catch (error) { seen.failedWith = error.code; }
    seen.afterFailure = heat(fresh());
    console.log(JSON.stringify(seen));
  });
`;

function probe(flags: readonly string[] = []): Record<string, unknown> {
  const child = spawnSync(process.execPath, ['--allow-natives-syntax', '--no-concurrent-recompilation', ...flags, '-r', 'reflect-metadata', '-e', PROBE], {
    cwd: process.cwd(),
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`the probe failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim()) as Record<string, unknown>;
}

const onNode20 = process.versions.v8.startsWith('11.3.');

(onNode20 ? describe : describe.skip)("createApp holds V8's optimizing compiler back while the app starts (Node 20)", () => {
  it('raises the budget from createApp until the app is ready, and after a createApp that threw gives it back at once', () => {
    const seen = probe();
    expect(seen).toEqual({ before: true, starting: false, ready: true, failedWith: expect.stringMatching(/^DEFT_ERR_/), afterFailure: true });
  });

  it("leaves a budget the process was given alone", () => {
    expect(probe(['--interrupt-budget=67584'])).toMatchObject({ before: true, starting: true, ready: true });
  });
});
