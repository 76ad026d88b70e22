import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import type { Implementation } from '../implementations';
import { pinned, SERVER_CORE } from './cpu-pinning';
import { freePort } from './free-port';
import { cpuSeconds, rssMiB } from './proc-stats';
import type { PythonInfo } from './python';

/** bench/ (this file runs from bench/dist/harness). */
export const BENCH_ROOT = resolve(__dirname, '..', '..');

export interface ServerOptions {
  readonly python?: PythonInfo;
  /** Extra flags for node (`--cpu-prof`, ...). */
  readonly nodeFlags?: readonly string[];
}

/** A server process of one implementation, pinned to the server core. */
export class ServerProcess {
  private constructor(
    readonly impl: Implementation,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {}

  static async start(impl: Implementation, options: ServerOptions = {}): Promise<ServerProcess> {
    const port = await freePort();
    const [command, args] = commandFor(impl, port, options);
    const child = spawn(command, args, { cwd: BENCH_ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    const server = new ServerProcess(impl, port, child);
    await server.waitUntilListening();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  rss(): number | undefined {
    return rssMiB(this.pid);
  }

  cpu(): number | undefined {
    return cpuSeconds(this.pid);
  }

  /** Suspends the server (SIGSTOP): it takes no CPU and answers nothing until `resume`. */
  pause(): void {
    this.child.kill('SIGSTOP');
  }

  resume(): void {
    this.child.kill('SIGCONT');
  }

  /** Stops the server with SIGTERM (Node servers close and exit, writing any CPU profile) and waits for it. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((done) => this.child.once('exit', () => done()));
    this.child.kill('SIGCONT'); // a paused server would not act on SIGTERM
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  private async waitUntilListening(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`${this.impl.name} server exited with code ${this.child.exitCode}`);
      if (await answers(this.port)) return;
      await new Promise((done) => setTimeout(done, 50));
    }
    await this.stop();
    throw new Error(`${this.impl.name} server did not listen within ${timeoutMs} ms`);
  }
}

function commandFor(impl: Implementation, port: number, options: ServerOptions): [string, string[]] {
  if (impl.runtime === 'python') {
    if (!options.python) throw new Error('FastAPI needs a python3 with fastapi and uvicorn');
    const appDir = join(BENCH_ROOT, 'src', 'apps', 'fastapi');
    const args = ['-m', 'uvicorn', 'app:app', '--app-dir', appDir, '--host', '127.0.0.1', '--port', String(port)];
    return pinned(SERVER_CORE, options.python.executable, [...args, '--log-level', 'warning', '--no-access-log']);
  }
  const entry = join(BENCH_ROOT, 'dist', 'serve.js');
  return pinned(SERVER_CORE, process.execPath, [...(options.nodeFlags ?? []), entry, impl.name, String(port)]);
}

/** Whether something answers HTTP on the port (any status will do). */
function answers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path: '/', method: 'GET', timeout: 1000 }, (res) => {
      res.resume();
      done(true);
    });
    req.on('error', () => done(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}
