import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { implementations } from '../implementations';
import { canPin, LOAD_CORE, pinned, pinSelf, SERVER_CORE } from '../harness/cpu-pinning';
import { freePort } from '../harness/free-port';
import { runLoad, type LoadResult } from '../harness/load';
import { describeMachine } from '../harness/machine';
import { BENCH_ROOT, ServerProcess } from '../harness/server-process';
import { chain } from '../scenarios/chain/requests';
import { randomAborts, type AbortRun } from './random-aborts';

/**
 * Issue 15's soak and abort benchmark:
 * `node bench/dist/hardening/soak-and-aborts.js [--requests N] [--steps N] [--aborts N] [--concurrency N] [--seed N] [--label NAME]`.
 *
 * - Soak: `--requests` (default 1,000,000) requests of the chain scenario on
 *   a fresh Deft server, 32 connections, in `--steps` (10) equal steps; the
 *   server's RSS after start and after each step (the middle and the end
 *   among them), with every status that came back.
 * - Aborts: `--aborts` (default 10,000) connections to a server whose routes
 *   hold self-counting resources, `--concurrency` (50) at a time, each
 *   ending at random (seeded): answered, destroyed, reset, half-written, or
 *   2 or 3 pipelined requests (a slow one first) destroyed after 20 ms. Then
 *   how many resources were made, are still open (leaked), or were torn down
 *   twice.
 *
 * Writes `results/<date>-<label>.md` (label `hardening`) with the load
 * average before and after each part.
 */
function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : Number(process.argv[index + 1]);
}

function textOption(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : process.argv[index + 1]!;
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(' / ');
const mib = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(1));

interface SoakResult {
  readonly requests: number;
  /** RSS after start, then after each of the steps. */
  readonly rss: readonly (number | undefined)[];
  readonly parts: readonly LoadResult[];
  readonly loadBefore: string;
  readonly loadAfter: string;
}

async function soak(requests: number, connections: number, steps: number): Promise<SoakResult> {
  const deft = implementations.find((impl) => impl.name === 'deft')!;
  const server = await ServerProcess.start(deft);
  const loadBefore = load();
  try {
    const rss = [server.rss()];
    const parts: LoadResult[] = [];
    for (let step = 1; step <= steps; step++) {
      const amount = Math.floor((requests * step) / steps) - Math.floor((requests * (step - 1)) / steps);
      parts.push(await runLoad(server.url, chain.load, { connections, amount }));
      rss.push(server.rss());
      console.log(`  soak: ${parts.reduce((sum, done) => sum + done.total, 0)} requests, RSS ${mib(rss.at(-1))} MiB`);
    }
    return { requests, rss, parts, loadBefore, loadAfter: load() };
  } finally {
    await server.stop();
  }
}

function getJson(port: number, path: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(JSON.parse(text) as Record<string, number>));
    })
      .on('error', reject)
      .end();
  });
}

interface AbortResult extends AbortRun {
  readonly made: number;
  readonly leaked: number;
  readonly twice: number;
  readonly seed: number;
  readonly loadBefore: string;
  readonly loadAfter: string;
}

async function aborts(total: number, concurrency: number, seed: number): Promise<AbortResult> {
  const port = await freePort();
  const [command, args] = pinned(SERVER_CORE, process.execPath, [join(BENCH_ROOT, 'dist', 'hardening', 'abort-server.js'), String(port)]);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => (String(chunk).includes('listening') ? resolve() : undefined));
    child.once('exit', (code) => reject(new Error(`the abort server exited with ${code}`)));
  });
  const loadBefore = load();
  try {
    const run = await randomAborts(port, total, concurrency, seed);
    // Teardowns run once each response has ended: give the last ones a moment, then count.
    let counts = await getJson(port, '/_resources');
    for (let i = 0; i < 100 && counts.open! > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      counts = await getJson(port, '/_resources');
    }
    return { ...run, made: counts.made!, leaked: counts.open!, twice: counts.twice!, seed, loadBefore, loadAfter: load() };
  } finally {
    child.kill('SIGTERM');
  }
}

function report(soakResult: SoakResult | undefined, abortResult: AbortResult | undefined, date: string): string {
  const machine = describeMachine(undefined);
  const lines = [
    `# Hardening: soak and aborts, ${date}`,
    '',
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}; commit ${machine.gitCommit ?? '?'}; ${canPin() ? 'server pinned to core 0, load to core 1' : 'not pinned (no taskset)'}.`,
    'The machine is shared with other work: the load average is given before and after each part, and throughput figures are noisy.',
    '',
  ];
  if (soakResult) {
    const statuses: Record<string, number> = {};
    for (const part of soakResult.parts) for (const [code, count] of Object.entries(part.statuses)) statuses[code] = (statuses[code] ?? 0) + count;
    const errors = soakResult.parts.reduce((sum, part) => sum + part.errors, 0);
    const steps = soakResult.parts.length;
    const middle = soakResult.rss[Math.floor(steps / 2)];
    lines.push(
      `## Soak: ${soakResult.requests.toLocaleString('en')} requests of the chain scenario`,
      '',
      `\`GET /users/me\` with a bearer token (token → current user → active user, response model), 32 connections, on a fresh Deft server. Load average ${soakResult.loadBefore} before, ${soakResult.loadAfter} after.`,
      '',
      `Server RSS: ${mib(soakResult.rss[0])} MiB at the start, ${mib(middle)} MiB half-way, ${mib(soakResult.rss.at(-1))} MiB at the end.`,
      '',
      '| requests so far | RSS (MiB) | req/s in the step | p50 ms | p99 ms |',
      '|--:|--:|--:|--:|--:|',
      `| 0 | ${mib(soakResult.rss[0])} | | | |`,
      ...soakResult.parts.map((part, i) => {
        const done = soakResult.parts.slice(0, i + 1).reduce((sum, p) => sum + p.total, 0);
        return `| ${done.toLocaleString('en')} | ${mib(soakResult.rss[i + 1])} | ${part.requestsPerSecond.toFixed(0)} | ${part.p50Ms.toFixed(2)} | ${part.p99Ms.toFixed(2)} |`;
      }),
      '',
      `Statuses: ${Object.entries(statuses).map(([code, count]) => `${code}: ${count}`).join(', ')}; connection errors: ${errors}.`,
      '',
    );
  }
  if (abortResult) {
    lines.push(
      `## Aborts: ${abortResult.connections.toLocaleString('en')} connections ended at random`,
      '',
      `${abortResult.connections} connections, 50 at a time, seed ${abortResult.seed}, in ${abortResult.seconds.toFixed(1)} s; each sends 1 to 3 requests (\`/fast\`, \`/slow\` with a request- and a function-scoped resource and a 1–20 ms wait, \`/fails\` with a 409) and ends: ${Object.entries(abortResult.byEnding).map(([ending, count]) => `${ending} ${count}`).join(', ')}. Load average ${abortResult.loadBefore} before, ${abortResult.loadAfter} after.`,
      '',
      '| resources made | still open (leaked) | torn down twice |',
      '|--:|--:|--:|',
      `| ${abortResult.made} | ${abortResult.leaked} | ${abortResult.twice} |`,
      '',
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const requests = option('requests', 1_000_000);
  const total = option('aborts', 10_000);
  pinSelf(LOAD_CORE);
  console.log(`soak: ${requests} requests; aborts: ${total} connections (load average ${load()})`);
  const soakResult = requests > 0 ? await soak(requests, option('connections', 32), option('steps', 10)) : undefined;
  const abortResult = total > 0 ? await aborts(total, option('concurrency', 50), option('seed', 20261202)) : undefined;
  const date = new Date().toISOString().slice(0, 10);
  const text = report(soakResult, abortResult, date);
  const file = join(BENCH_ROOT, 'results', `${date}-${textOption('label', 'hardening')}.md`);
  writeFileSync(file, text);
  console.log(text);
  console.log(`Written ${file}`);
  if (abortResult && (abortResult.leaked > 0 || abortResult.twice > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
