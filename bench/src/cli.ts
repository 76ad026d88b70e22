import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { implementations, type Implementation, type ImplementationName } from './implementations';
import { LOAD_CORE, pinSelf } from './harness/cpu-pinning';
import { describeMachine } from './harness/machine';
import { renderMarkdown } from './harness/markdown';
import { measureMemory } from './harness/memory';
import { parseOptions, USAGE, wantsHelp, type BenchOptions } from './harness/options';
import { profileServers, PROFILE_DIR } from './harness/profile';
import { findPython, PYTHON_MISSING_NOTE, type PythonInfo } from './harness/python';
import type { BenchResults } from './harness/results';
import { BENCH_ROOT, ServerProcess } from './harness/server-process';
import { measurePaired, type PairedResult } from './harness/paired';
import { measureStartup } from './harness/startup';
import { measureScenario, type ScenarioResult } from './harness/throughput';
import { scenarios as allScenarios } from './scenarios';

const log = (line: string) => process.stdout.write(`${line}\n`);

async function measureThroughput(
  impls: readonly Implementation[],
  options: BenchOptions,
  python: PythonInfo | undefined,
): Promise<ScenarioResult[]> {
  const scenarios = allScenarios.filter((s) => !options.scenarios || options.scenarios.includes(s.name));
  const servers = new Map<ImplementationName, ServerProcess>();
  try {
    // Every server is up for the whole run (idle ones cost no CPU), so rounds can interleave them.
    for (const impl of impls) servers.set(impl.name, await ServerProcess.start(impl, { python }));
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      log(`${scenario.name}: ${scenario.description}`);
      results.push(await measureScenario(scenario, servers, impls, options, log));
    }
    return results;
  } finally {
    for (const server of servers.values()) await server.stop();
  }
}

async function measureAllPaired(impls: readonly Implementation[], options: BenchOptions, python: PythonInfo | undefined): Promise<PairedResult[]> {
  const results: PairedResult[] = [];
  for (const scenario of allScenarios.filter((s) => !options.scenarios || options.scenarios.includes(s.name))) {
    log(`${scenario.name}: paired`);
    results.push(await measurePaired(scenario, impls.filter((impl) => options.pairedImplementations.includes(impl.name)), options, python, log));
  }
  return results;
}

function write(results: BenchResults, label: string | undefined): string {
  const dir = join(BENCH_ROOT, 'results');
  mkdirSync(dir, { recursive: true });
  const base = join(dir, label ? `${results.date}-${label}` : results.date);
  writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`${base}.md`, `${renderMarkdown(results)}\n`);
  return base;
}

async function main(): Promise<void> {
  if (wantsHelp(process.argv.slice(2))) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const options = parseOptions(process.argv.slice(2));
  const notes: string[] = [];
  if (!pinSelf(LOAD_CORE)) notes.push('taskset is missing: servers and load generator were not pinned to their cores.');
  const python = findPython();
  if (!python) {
    notes.push(PYTHON_MISSING_NOTE);
    log(PYTHON_MISSING_NOTE);
  }
  const machine = describeMachine(python);
  if ((machine.loadAverageAtStart[0] ?? 0) > 0.5) {
    notes.push(`Load average ${machine.loadAverageAtStart[0]} at start: other work shared the machine, so these figures are noisy.`);
  }
  const impls = implementations.filter(
    (impl) => (!options.implementations || options.implementations.includes(impl.name)) && (impl.runtime === 'node' || python),
  );
  const date = new Date().toISOString().slice(0, 10);
  const method = {
    connections: options.connections,
    warmupSeconds: options.warmupSeconds,
    measureSeconds: options.measureSeconds,
    rounds: options.rounds,
    pairedProcesses: options.pairedProcesses,
    pairedWindows: options.pairedWindows,
    pairedSeconds: options.pairedSeconds,
    memoryRequests: options.memoryRequests,
    startupRuns: options.startupRuns,
  };

  if (options.profile) {
    const names = options.implementations ?? ['deft'];
    log(`Profiling ${names.join(', ')} (profiles in ${PROFILE_DIR})`);
    const scenarios = allScenarios.filter((s) => !options.scenarios || options.scenarios.includes(s.name));
    const profiles = await profileServers(names, scenarios, options, log);
    const base = write({ date, quick: options.quick, machine, method, notes, throughput: [], profiles }, options.label ?? 'profile');
    log(`Written ${base}.md and .json`);
    return;
  }

  const throughput = options.skip.has('throughput') ? [] : await measureThroughput(impls, options, python);
  const paired = options.skip.has('paired') ? undefined : await measureAllPaired(impls, options, python);
  let startup;
  if (!options.skip.has('startup')) {
    log('start-up: 1000-route Deft app');
    startup = await measureStartup(options.startupRuns, log);
  }
  let memory;
  if (!options.skip.has('memory')) {
    log('memory: RSS after start and under load');
    memory = await measureMemory(impls, allScenarios, options, { python }, log);
  }
  const base = write({ date, quick: options.quick, machine, method, notes, throughput, paired, startup, memory }, options.label ?? (options.quick ? 'quick' : undefined));
  log(`Written ${base}.md and .json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
