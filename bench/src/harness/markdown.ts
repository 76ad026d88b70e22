import { implementations, REFERENCE } from '../implementations';
import { SLICE_MS, type PairedResult } from './paired';
import { quantile } from './stats';
import { GOALS, pairedRatio, ratio, REQUEST_SCOPE_FACTOR, STARTUP_GOAL_MS, STARTUP_TARGET_MS, TARGETS, type BenchResults } from './results';

const label = (name: string) => implementations.find((i) => i.name === name)?.label ?? name;
const fixed = (value: number | undefined, digits = 0) => (value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? ' ✓' : ' ✗');

function throughputTable(results: BenchResults): string[] {
  const lines = [
    '| scenario | implementation | req/s | p50 ms | p99 ms | × Fastify | server CPU | unexpected answers |',
    '|---|---|--:|--:|--:|--:|--:|---|',
  ];
  for (const scenario of results.throughput) {
    for (const f of scenario.figures) {
      const r = ratio(scenario, f.impl, REFERENCE);
      const unexpected = Object.entries(f.unexpected).map(([k, v]) => `${k}: ${v}`).join(', ');
      lines.push(
        `| ${scenario.scenario} | ${label(f.impl)} | ${fixed(f.requestsPerSecond)} | ${fixed(f.p50Ms, 2)} | ${fixed(f.p99Ms, 2)} | ${fixed(r, 2)} | ${fixed(f.serverCpu * 100)}% | ${unexpected} |`,
      );
    }
  }
  return lines;
}

function pairedTable(results: BenchResults): string[] {
  const lines = [
    '| scenario | implementation | requests per CPU-second | × Fastify | middle half of the windows | windows | × its twin |',
    '|---|---|--:|--:|--:|--:|--:|',
  ];
  for (const scenario of results.paired ?? []) {
    for (const f of scenario.figures) {
      const ratios = f.windows.map((w) => w.ratio);
      const spread = ratios.length ? `${fixed(quantile(ratios, 0.25), 2)}–${fixed(quantile(ratios, 0.75), 2)}` : '–';
      const twin = implementations.find((i) => i.name === f.impl)?.twin;
      const toTwin = twin === undefined ? '' : `${fixed(pairedRatio(scenario, f.impl, twin), 2)} (${label(twin)})`;
      lines.push(`| ${scenario.scenario} | ${label(f.impl)} | ${fixed(f.requestsPerCpuSecond)} | ${fixed(f.ratio, 2)} | ${spread} | ${f.windows.length} | ${toTwin} |`);
    }
  }
  return lines;
}

/** Deft's ratio to `to` in a scenario: from the paired measurement where it has both, else from the solo windows. */
function deftTo(results: BenchResults, scenario: string, to: Parameters<typeof ratio>[2]): number | undefined {
  const paired: PairedResult | undefined = results.paired?.find((p) => p.scenario === scenario);
  const fromPaired = paired && pairedRatio(paired, 'deft', to);
  if (fromPaired !== undefined) return fromPaired;
  const solo = results.throughput.find((t) => t.scenario === scenario);
  return solo && ratio(solo, 'deft', to);
}

function targetsTable(results: BenchResults): string[] {
  const names = [...new Set([...(results.paired ?? []), ...results.throughput].map((s) => s.scenario))];
  const paired = (results.paired?.length ?? 0) > 0;
  const lines = [
    `| scenario | Deft ÷ Fastify${paired ? ' (paired)' : ''} | target | goal (issue 18) | solo windows | Deft ÷ NestJS | Deft ÷ NestJS request-scoped | Deft ÷ FastAPI |`,
    '|---|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const scenario of names) {
    const target = TARGETS[scenario];
    const vsFastify = deftTo(results, scenario, REFERENCE);
    const solo = results.throughput.find((t) => t.scenario === scenario);
    const vsNest = deftTo(results, scenario, 'nest');
    const vsScoped = deftTo(results, scenario, 'nest-request-scope');
    const vsFastapi = deftTo(results, scenario, 'fastapi');
    const goal = GOALS[scenario];
    const goalMet = mark(vsFastify === undefined || goal === undefined ? undefined : vsFastify >= goal);
    lines.push(
      `| ${scenario} | ${fixed(vsFastify, 2)}${mark(vsFastify === undefined || target === undefined ? undefined : vsFastify >= target)} | ≥ ${target ?? '–'} | ≥ ${goal ?? '–'}${goalMet} | ` +
        `${fixed(solo && ratio(solo, 'deft', REFERENCE), 2)} | ` +
        `${fixed(vsNest, 2)}${mark(vsNest === undefined ? undefined : vsNest > 1)} | ` +
        `${fixed(vsScoped, 2)}${mark(vsScoped === undefined ? undefined : vsScoped >= REQUEST_SCOPE_FACTOR)} | ` +
        `${fixed(vsFastapi, 1)}${vsFastapi === undefined ? '' : '×'} |`,
    );
  }
  return lines;
}

function startupSection(results: BenchResults): string[] {
  const s = results.startup;
  if (!s) return [];
  return [
    `## Start-up: Deft app with ${s.routes} routes (two-level dependency and a DTO body each)`,
    '',
    `| measure (median of ${s.runs.length}) | ms |`,
    '|---|--:|',
    `| spawn → listening (seen from outside) | ${fixed(s.spawnToListeningMs)}${mark(s.spawnToListeningMs < STARTUP_TARGET_MS)} (target < ${STARTUP_TARGET_MS}; goal of issue 18 < ${STARTUP_GOAL_MS}${mark(s.spawnToListeningMs < STARTUP_GOAL_MS)}) |`,
    `| process time origin → listening | ${fixed(s.listeningMs)} |`,
    `| … of which modules loaded | ${fixed(s.modulesLoadedMs)} |`,
    ...(s.classesDefinedMs === undefined
      ? [`| … of which createApp (the app's classes defined, then ${s.routes} routes compiled) | ${fixed(s.createAppMs)} |`]
      : [
          `| … of which the app's classes defined (their decorators run) | ${fixed(s.classesDefinedMs)} |`,
          `| … of which createApp (compile ${s.routes} routes) | ${fixed(s.createAppMs)} |`,
          `| … of which ready and listen (Fastify registers the routes) | ${fixed(s.readyAndListenMs ?? 0)} |`,
        ]),
    `| OpenAPI document generation (${s.openapiPaths} paths, ${fixed(s.openapiBytes / 1024)} KiB) | ${fixed(s.openapiMs)} |`,
    '',
  ];
}

function memorySection(results: BenchResults): string[] {
  if (!results.memory?.length) return [];
  const lines = [
    `## Memory (RSS, MiB; fresh server, ${results.memory[0]!.requests} requests across the scenarios)`,
    '',
    '| implementation | after start | half-way | after all | growth, second half |',
    '|---|--:|--:|--:|--:|',
  ];
  for (const m of results.memory) {
    const growth = m.rssAfterMiB !== undefined && m.rssHalfwayMiB !== undefined ? m.rssAfterMiB - m.rssHalfwayMiB : undefined;
    lines.push(`| ${label(m.impl)} | ${fixed(m.rssAfterStartMiB, 1)} | ${fixed(m.rssHalfwayMiB, 1)} | ${fixed(m.rssAfterMiB, 1)} | ${fixed(growth, 1)} |`);
  }
  return [...lines, ''];
}

const share = (t: { share: number }) => `${(t.share * 100).toFixed(1)}%`;

function profileSection(results: BenchResults): string[] {
  if (!results.profiles?.length) return [];
  const lines = ['## CPU profiles: self time', ''];
  for (const p of results.profiles) {
    lines.push(`### ${label(p.impl)}, ${p.scenario}: ${share({ share: p.deftShare })} of samples in packages/`, '');
    lines.push('| by package | share |', '|---|--:|', ...p.owners.slice(0, 8).map((t) => `| ${t.fn} | ${share(t)} |`), '');
    if (p.topInDeft.length) {
      lines.push('| function in packages/ | where | share |', '|---|---|--:|');
      lines.push(...p.topInDeft.slice(0, 10).map((t) => `| ${t.fn} | ${t.where} | ${share(t)} |`), '');
    }
  }
  return lines;
}

function pairedHow(results: BenchResults): string {
  const { method } = results;
  return (
    `All servers of a scenario under load at once, but only one running at a time: the others paused (SIGSTOP), the running one changing ` +
    `after a slice of ${0.2 * SLICE_MS}–${1.2 * SLICE_MS} ms. ${method.pairedProcesses} set(s) of fresh server processes (two processes of the same ` +
    `server differ by up to 15 % on this kind of machine), each warmed up for ${method.pairedSeconds} s, then ${method.pairedWindows} window(s) ` +
    `in which each implementation runs about ${method.pairedSeconds} s; compared by requests per CPU-second of the server. ` +
    `Ratios are medians of the windows' own ratios; the spread column gives the middle half of them (quartiles). The targets are judged on these.`
  );
}

/** The results as a Markdown page: method, machine, the throughput table, targets, start-up, memory. */
export function renderMarkdown(results: BenchResults): string {
  const { machine: m, method } = results;
  const profiling = results.profiles !== undefined;
  const how = profiling
    ? `each server alone under load for ${method.warmupSeconds + method.measureSeconds} s with --cpu-prof.`
    : `${method.rounds} rounds of ${method.measureSeconds} s, implementations interleaved within each round, the first rotating; medians reported, ratios as the median of the rounds' own ratios.`;
  return [
    `# ${profiling ? 'CPU profiles' : 'Benchmark results'} ${results.date}${results.quick ? ' (quick run)' : ''}`,
    '',
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; ${m.platform}; load average at start ${m.loadAverageAtStart.join(' / ')}.`,
    `Commit ${m.gitCommit ?? 'unknown'}; fastify ${m.versions.fastify}, @nestjs/core ${m.versions['@nestjs/core']}, autocannon ${m.versions.autocannon}` +
      (m.python ? `; FastAPI ${m.python.fastapi}, uvicorn ${m.python.uvicorn} (${m.python.executable}).` : '.'),
    `Method: servers ${m.pinned ? 'pinned to core 0, load generator (autocannon) to core 1' : 'NOT pinned (no taskset)'}; ` +
      `${method.connections} connections; ` +
      (profiling ? how : `${method.warmupSeconds} s warm-up per implementation and scenario; ${how}`),
    '',
    ...results.notes.map((n) => `> ${n}`),
    ...(results.notes.length ? [''] : []),
    ...(results.throughput.length ? ['## Throughput and latency (solo windows)', '', ...throughputTable(results), ''] : []),
    ...(results.paired?.length ? ['## Paired ratios (implementations taking turns in short slices)', '', pairedHow(results), '', ...pairedTable(results), ''] : []),
    ...(results.throughput.length || results.paired?.length ? ['## Targets (issue 7) and goals (issue 18)', '', ...targetsTable(results), ''] : []),
    ...startupSection(results),
    ...memorySection(results),
    ...profileSection(results),
  ].join('\n');
}
