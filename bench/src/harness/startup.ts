import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pinned, SERVER_CORE } from './cpu-pinning';
import { freePort } from './free-port';
import { BENCH_ROOT } from './server-process';
import { median } from './stats';

/** What the 1000-route app's process reports about itself (ms since it began). */
interface ChildTimings {
  routes: number;
  modulesLoadedMs: number;
  /** Defining the app's classes: their decorators (class-validator's, Deft's) run, as loading a written app's modules does. */
  classesDefinedMs: number;
  /** `createApp` alone: Deft reads and compiles the routes. */
  createAppMs: number;
  /** From `createApp` returning to listening: Fastify registers the routes on `ready`, then the socket opens. */
  readyAndListenMs: number;
  listeningMs: number;
  openapiMs: number;
  openapiPaths: number;
  openapiBytes: number;
}

type StartupRun = ChildTimings & { spawnToListeningMs: number };

export interface StartupResult {
  readonly routes: number;
  /** From spawning the process to its "listening" line, as the parent saw it (median). */
  readonly spawnToListeningMs: number;
  /** Within the process: from its time origin to listening (median). */
  readonly listeningMs: number;
  readonly modulesLoadedMs: number;
  /** Absent in results from before 2026-12-03, whose `createAppMs` includes defining the classes. */
  readonly classesDefinedMs?: number;
  readonly createAppMs: number;
  readonly readyAndListenMs?: number;
  readonly openapiMs: number;
  readonly openapiPaths: number;
  readonly openapiBytes: number;
  readonly runs: readonly StartupRun[];
}

async function startOnce(): Promise<StartupRun> {
  const port = await freePort();
  const [command, args] = pinned(SERVER_CORE, process.execPath, [join(BENCH_ROOT, 'dist', 'startup', 'thousand-routes.js'), String(port)]);
  const spawned = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  let firstLineAt: number | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    firstLineAt ??= performance.now();
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0 || firstLineAt === undefined) throw new Error(`the 1000-route app exited with ${code}`);
  const timings = JSON.parse(output.trim().split('\n')[0]!) as ChildTimings;
  // The line is printed after the OpenAPI document is built: take that time back out.
  return { ...timings, spawnToListeningMs: firstLineAt - spawned - timings.openapiMs };
}

/** Starts the 1000-route Deft app `runs` times, one process after the other, pinned to the server core. */
export async function measureStartup(runs: number, log: (line: string) => void): Promise<StartupResult> {
  const all: StartupRun[] = [];
  for (let i = 0; i < runs; i++) {
    const run = await startOnce();
    log(`  start-up ${i + 1}: listening after ${run.spawnToListeningMs.toFixed(0)} ms, OpenAPI ${run.openapiMs.toFixed(0)} ms`);
    all.push(run);
  }
  const mid = (pick: (r: StartupRun) => number) => median(all.map(pick));
  return {
    routes: all[0]!.routes,
    spawnToListeningMs: mid((r) => r.spawnToListeningMs),
    listeningMs: mid((r) => r.listeningMs),
    modulesLoadedMs: mid((r) => r.modulesLoadedMs),
    classesDefinedMs: mid((r) => r.classesDefinedMs),
    createAppMs: mid((r) => r.createAppMs),
    readyAndListenMs: mid((r) => r.readyAndListenMs),
    openapiMs: mid((r) => r.openapiMs),
    openapiPaths: all[0]!.openapiPaths,
    openapiBytes: all[0]!.openapiBytes,
    runs: all,
  };
}
