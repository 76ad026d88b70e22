import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const DEFT_BIN = join(__dirname, '..', '..', 'dist', 'bin', 'deft.js');

/**
 * Projects for the tests live under packages/cli/.scratch/, inside the
 * workspace, so that they resolve @deft/*, jest and TypeScript from its
 * node_modules as an installed project would from its own.
 */
const SCRATCH = join(__dirname, '..', '..', '.scratch');
let counter = 0;
const made: string[] = [];

/** Removes the scratch folders this test file made (call it in afterAll). */
export function removeScratchDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function scratchDir(name: string): string {
  const dir = join(SCRATCH, `${name}-${process.pid}-${counter++}`);
  made.push(dir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `deft ...` to its end, without a terminal (so no questions, no colour). */
export function runDeft(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  return runNode([DEFT_BIN, ...args], options);
}

export function runNode(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...args], { cwd: options.cwd, env: { ...process.env, NO_COLOR: '1', ...options.env }, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Makes a project with `deft new` in a scratch folder; returns its root. */
export async function newProject(name: string, flags: readonly string[] = []): Promise<string> {
  const parent = scratchDir(name);
  const result = await runDeft(['new', 'app', ...flags], { cwd: parent });
  if (result.code !== 0) throw new Error(`deft new failed: ${result.stderr}`);
  return join(parent, 'app');
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A long-running `deft dev` or `deft start`, with its output so far. */
export class DeftProcess {
  private output = '';
  private readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, [DEFT_BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get text(): string {
    return this.output;
  }

  /** Resolves when the output (from `from` on) matches; fails after `timeoutMs` with what was printed. */
  waitFor(pattern: RegExp, from = 0, timeoutMs = 60_000): Promise<number> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const poll = () => {
        const match = pattern.exec(this.output.slice(from));
        if (match) return resolve(from + match.index + match[0].length);
        if (this.child.exitCode !== null) return reject(new Error(`deft exited (${this.child.exitCode}) before printing ${pattern}:\n${this.output}`));
        if (Date.now() - started > timeoutMs) return reject(new Error(`deft did not print ${pattern} in ${timeoutMs} ms:\n${this.output}`));
        setTimeout(poll, 50);
      };
      poll();
    });
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGINT');
    return this.exited;
  }
}

/** The pids of a process's children (from /proc), such as the cluster's workers. */
export function childPids(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}
