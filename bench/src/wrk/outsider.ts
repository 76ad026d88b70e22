import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { implementations, type Implementation } from '../implementations';
import { describeMachine } from '../harness/machine';
import { BENCH_ROOT, ServerProcess } from '../harness/server-process';
import { median, quantile } from '../harness/stats';
import { scenarios as allScenarios } from '../scenarios';
import type { Scenario } from '../scenarios/scenario';
import { runWrk, type WrkResult } from './wrk-load';

/**
 * The second instrument, as an outsider would build it: wrk (one thread, 50
 * connections) against Deft and hand-written Fastify, both pinned to the
 * server core. Each set of fresh processes is measured two ways:
 * - together: both servers under load at the same moment, sharing the core;
 * - alone: each under load while the other waits idle.
 * Each gives requests per CPU-second of the server (from /proc), and Deft's
 * as a share of Fastify's. The paired instrument (`npm run bench`) measures
 * each server alone on the core too, in alternating slices.
 *
 *   node dist/wrk/outsider.js [--scenarios hello,seed] [--sets 5] [--seconds 10] [--connections 50] [--label NAME]
 */

interface Rate {
  readonly requests: number;
  readonly cpuSeconds: number;
  readonly perCpuSecond: number;
  readonly perSecond: number;
}

interface SetResult {
  readonly together: { deft: Rate; fastify: Rate };
  readonly alone: { deft: Rate; fastify: Rate };
}

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1]! : fallback;
}

function checked(result: WrkResult, impl: string, scenario: Scenario): WrkResult {
  if (result.non2xx > 0 && scenario.load.every((r) => r.status < 300)) throw new Error(`${impl} ${scenario.name}: ${result.non2xx} answers were not 2xx`);
  if (result.socketErrors > 0) throw new Error(`${impl} ${scenario.name}: ${result.socketErrors} socket errors`);
  return result;
}

async function measure(servers: readonly ServerProcess[], scenario: Scenario, options: { connections: number; seconds: number }): Promise<Rate[]> {
  const before = servers.map((s) => s.cpu() ?? Number.NaN);
  const results = await Promise.all(servers.map((s) => runWrk(s.url, scenario.load, options).then((r) => checked(r, s.impl.name, scenario))));
  const after = servers.map((s) => s.cpu() ?? Number.NaN);
  return results.map((r, i) => {
    const cpuSeconds = after[i]! - before[i]!;
    return { requests: r.requests, cpuSeconds, perCpuSecond: r.requests / cpuSeconds, perSecond: r.requests / r.seconds };
  });
}

async function measureSet(deft: Implementation, fastify: Implementation, scenario: Scenario, options: { connections: number; seconds: number }): Promise<SetResult> {
  const servers = [await ServerProcess.start(deft), await ServerProcess.start(fastify)];
  try {
    await Promise.all(servers.map((s) => runWrk(s.url, scenario.load, { connections: options.connections, seconds: 2 })));
    const [togetherDeft, togetherFastify] = await measure(servers, scenario, options);
    const [aloneDeft] = await measure([servers[0]!], scenario, options);
    const [aloneFastify] = await measure([servers[1]!], scenario, options);
    return { together: { deft: togetherDeft!, fastify: togetherFastify! }, alone: { deft: aloneDeft!, fastify: aloneFastify! } };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

const spread = (values: readonly number[]): string => `${quantile(values, 0.25).toFixed(2)}–${quantile(values, 0.75).toFixed(2)}`;

function render(results: ReadonlyMap<string, SetResult[]>, options: { sets: number; seconds: number; connections: number }): string {
  const machine = describeMachine(undefined);
  const lines = [
    `# The outsider's instrument (wrk) ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Machine: ${machine.cpuModel}, ${machine.cores} cores; Node ${machine.node}; load average at start ${machine.loadAverageAtStart.join(' / ')}. Commit ${machine.gitCommit}.`,
    `Method: wrk 4 (1 thread, ${options.connections} connections, pinned to core 1) against Deft and hand-written Fastify, both pinned to core 0, ${options.sets} sets of fresh processes, ${options.seconds} s per measurement after 2 s of warm-up; requests per CPU-second of each server (/proc). **Together**: both under load at the same moment, sharing the core. **Alone**: each under load while the other waits idle.`,
    '',
    '| scenario | Deft ÷ Fastify together | middle half | Deft ÷ Fastify alone | middle half | Deft req/CPU-s together / alone | Fastify req/CPU-s together / alone | Deft req/s alone |',
    '|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const [name, sets] of results) {
    const together = sets.map((s) => s.together.deft.perCpuSecond / s.together.fastify.perCpuSecond);
    const alone = sets.map((s) => s.alone.deft.perCpuSecond / s.alone.fastify.perCpuSecond);
    const m = (pick: (s: SetResult) => number) => Math.round(median(sets.map(pick)));
    lines.push(
      `| ${name} | ${median(together).toFixed(2)} | ${spread(together)} | ${median(alone).toFixed(2)} | ${spread(alone)} | ${m((s) => s.together.deft.perCpuSecond)} / ${m((s) => s.alone.deft.perCpuSecond)} | ${m((s) => s.together.fastify.perCpuSecond)} / ${m((s) => s.alone.fastify.perCpuSecond)} | ${m((s) => s.alone.deft.perSecond)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const names = flag('scenarios', 'hello,seed,chain,body').split(',');
  const options = { sets: Number(flag('sets', '5')), seconds: Number(flag('seconds', '10')), connections: Number(flag('connections', '50')) };
  const label = flag('label', 'wrk');
  const deft = implementations.find((i) => i.name === 'deft')!;
  const fastify = implementations.find((i) => i.name === 'fastify')!;
  const results = new Map<string, SetResult[]>();
  for (const scenario of allScenarios.filter((s) => names.includes(s.name))) {
    const sets: SetResult[] = [];
    for (let i = 0; i < options.sets; i++) {
      sets.push(await measureSet(deft, fastify, scenario, options));
      const last = sets[sets.length - 1]!;
      process.stdout.write(
        `${scenario.name} set ${i + 1}: together ${(last.together.deft.perCpuSecond / last.together.fastify.perCpuSecond).toFixed(3)}, alone ${(last.alone.deft.perCpuSecond / last.alone.fastify.perCpuSecond).toFixed(3)}\n`,
      );
    }
    results.set(scenario.name, sets);
  }
  const base = join(BENCH_ROOT, 'results', `${new Date().toISOString().slice(0, 10)}-${label}`);
  writeFileSync(`${base}.md`, render(results, options));
  writeFileSync(`${base}.json`, `${JSON.stringify(Object.fromEntries(results), null, 2)}\n`);
  process.stdout.write(`Written ${base}.md and .json\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
