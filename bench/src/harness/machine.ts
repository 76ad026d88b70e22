import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { canPin } from './cpu-pinning';
import type { PythonInfo } from './python';
import { BENCH_ROOT } from './server-process';

export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  /** 1, 5 and 15-minute load averages when the run began: other work on the machine skews every figure. */
  readonly loadAverageAtStart: readonly number[];
  readonly pinned: boolean;
  readonly gitCommit: string | undefined;
  readonly python?: PythonInfo;
  readonly versions: Readonly<Record<string, string>>;
}

function gitCommit(): string | undefined {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: BENCH_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', '../packages'], { cwd: BENCH_ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${head} (packages/ modified)` : head;
  } catch {
    return undefined;
  }
}

function versionOf(name: string): string {
  try {
    const file = require.resolve(`${name}/package.json`, { paths: [BENCH_ROOT] });
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

export function describeMachine(python: PythonInfo | undefined): MachineInfo {
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
    pinned: canPin(),
    gitCommit: gitCommit(),
    python,
    versions: Object.fromEntries(['fastify', '@nestjs/core', '@nestjs/platform-fastify', 'class-validator', 'autocannon'].map((n) => [n, versionOf(n)])),
  };
}
