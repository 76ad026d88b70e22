import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { implementations } from '../implementations';
import type { Scenario } from '../scenarios/scenario';
import { selfTimes, type SelfTime } from './cpu-profile';
import { runLoad } from './load';
import type { BenchOptions } from './options';
import { BENCH_ROOT, ServerProcess } from './server-process';

export interface ScenarioProfile {
  readonly scenario: Scenario['name'];
  readonly file: string;
  /** Share of all samples whose own code is in packages/ (Deft itself). */
  readonly deftShare: number;
  readonly top: readonly SelfTime[];
  readonly topInDeft: readonly SelfTime[];
}

export const PROFILE_DIR = join(BENCH_ROOT, 'results', 'tmp', 'profiles');

/**
 * Runs a Deft server with `--cpu-prof` under each scenario's load (one
 * process per scenario, warmed up first) and lists the functions with the
 * most self time, overall and within Deft's packages.
 */
export async function profileDeft(scenarios: readonly Scenario[], options: BenchOptions, log: (line: string) => void): Promise<ScenarioProfile[]> {
  const deft = implementations.find((impl) => impl.name === 'deft')!;
  const profiles: ScenarioProfile[] = [];
  for (const scenario of scenarios) {
    const dir = join(PROFILE_DIR, scenario.name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const server = await ServerProcess.start(deft, { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
    try {
      await runLoad(server.url, scenario.load, { connections: options.connections, seconds: options.warmupSeconds + options.measureSeconds });
    } finally {
      await server.stop();
    }
    const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!);
    const all = selfTimes(file);
    const inDeft = all.filter((t) => t.where.startsWith('packages/'));
    const profile = {
      scenario: scenario.name,
      file,
      deftShare: inDeft.reduce((a, t) => a + t.share, 0),
      top: all.slice(0, 15),
      topInDeft: inDeft.slice(0, 15),
    };
    log(`  ${scenario.name}: ${(profile.deftShare * 100).toFixed(1)}% of samples in packages/ (${file})`);
    profiles.push(profile);
  }
  return profiles;
}
