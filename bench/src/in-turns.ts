import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResults } from './harness/results';
import { BENCH_ROOT } from './harness/server-process';
import { turnSummary } from './in-turns/turn-summary';

const USAGE = `usage: node bench/dist/in-turns.js FILE OLD NEW ROUNDS [bench options]
  Copies OLD, then NEW, over FILE (a built file, e.g. packages/core/dist/app/route-handler.js),
  runs the paired measurement with the bench options after each copy (for instance
  --scenarios hello,chain --paired-impls deft,fastify --paired-processes 2), ROUNDS times,
  and prints each turn's paired ratios. FILE is put back as it was afterwards, whatever happens.`;

/** Runs one turn's paired measurement and returns its results (the files it wrote are removed). */
function measureTurn(benchOptions: readonly string[], label: string): BenchResults {
  const run = spawnSync(process.execPath, [join(BENCH_ROOT, 'dist', 'cli.js'), ...benchOptions, '--skip', 'throughput,startup,memory', '--label', label], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`the bench exited with ${run.status} in turn ${label}`);
  const dir = join(BENCH_ROOT, 'results');
  const written = readdirSync(dir).filter((name) => name.endsWith(`-${label}.json`) || name.endsWith(`-${label}.md`));
  const json = written.find((name) => name.endsWith('.json'));
  if (!json) throw new Error(`turn ${label} wrote no results`);
  const results = JSON.parse(readFileSync(join(dir, json), 'utf8')) as BenchResults;
  for (const name of written) rmSync(join(dir, name));
  return results;
}

function main(): void {
  const [file, oldCopy, newCopy, roundsText, ...benchOptions] = process.argv.slice(2);
  const rounds = Number(roundsText);
  if (!file || !oldCopy || !newCopy || !Number.isInteger(rounds) || rounds < 1) {
    console.error(USAGE);
    process.exit(2);
  }
  for (const path of [file, oldCopy, newCopy]) {
    if (!existsSync(path)) {
      console.error(`${path} does not exist\n${USAGE}`);
      process.exit(2);
    }
  }
  const original = readFileSync(file);
  const tag = `in-turns-${process.pid}`;
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const [name, copy] of [['old', oldCopy], ['new', newCopy]] as const) {
        copyFileSync(copy, file);
        console.log(`round ${round} ${name}: ${turnSummary(measureTurn(benchOptions, `${tag}-${name}-${round}`))}`);
      }
    }
  } finally {
    // The file as it was before, not the last copy: a later run must not measure a leftover experiment.
    writeFileSync(file, original);
  }
}

main();
