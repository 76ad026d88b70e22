import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { implementations, supports, type Implementation, type ImplementationName } from '../implementations';
import type { Scenario } from '../scenarios/scenario';
import { byOwner, selfTimes, type SelfTime } from './cpu-profile';
import { runLoad } from './load';
import type { BenchOptions } from './options';
import { BENCH_ROOT, ServerProcess } from './server-process';

export interface ScenarioProfile {
  readonly impl: ImplementationName;
  readonly scenario: Scenario['name'];
  readonly file: string;
  /** Share of all samples whose own code is in packages/ (Deft itself). */
  readonly deftShare: number;
  readonly top: readonly SelfTime[];
  readonly topInDeft: readonly SelfTime[];
  /** Self time per package (`packages/core`, `fastify`, `@fastify/cookie`, Node internals, native). */
  readonly owners: readonly SelfTime[];
}

export const PROFILE_DIR = join(BENCH_ROOT, 'results', 'tmp', 'profiles');

/**
 * Runs a server with `--cpu-prof` under each scenario's load (one process
 * per implementation and scenario) and lists the functions with the most self
 * time, overall and within Deft's packages, and the time per package. Deft
 * by default; hand-written Fastify beside it shows where the difference lies.
 */
export async function profileServers(
  names: readonly ImplementationName[],
  scenarios: readonly Scenario[],
  options: BenchOptions,
  log: (line: string) => void,
): Promise<ScenarioProfile[]> {
  const profiles: ScenarioProfile[] = [];
  for (const impl of implementations.filter((i) => names.includes(i.name) && i.runtime === 'node')) {
    for (const scenario of scenarios.filter((s) => supports(impl, s.name))) profiles.push(await profileOne(impl, scenario, options, log));
  }
  return profiles;
}

async function profileOne(impl: Implementation, scenario: Scenario, options: BenchOptions, log: (line: string) => void): Promise<ScenarioProfile> {
  const dir = join(PROFILE_DIR, impl.name, scenario.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const server = await ServerProcess.start(impl, { nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  try {
    await runLoad(server.url, scenario.load, { connections: options.connections, seconds: options.warmupSeconds + options.measureSeconds });
  } finally {
    await server.stop();
  }
  const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))!);
  const all = selfTimes(file);
  const inDeft = all.filter((t) => t.where.startsWith('packages/'));
  const profile = {
    impl: impl.name,
    scenario: scenario.name,
    file,
    deftShare: inDeft.reduce((a, t) => a + t.share, 0),
    top: all.slice(0, 15),
    topInDeft: inDeft.slice(0, 15),
    owners: byOwner(all).slice(0, 12),
  };
  log(`  ${impl.name} ${scenario.name}: ${(profile.deftShare * 100).toFixed(1)}% of samples in packages/ (${file})`);
  return profile;
}
