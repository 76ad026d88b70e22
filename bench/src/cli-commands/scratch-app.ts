import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The deft command of this workspace. */
export const DEFT = require.resolve('@deft/cli/package.json').replace(/package\.json$/, 'dist/bin/deft.js');

/**
 * A project made by `deft new --yes` under bench/results/tmp/, inside the
 * workspace so that it resolves @deft/*, class-validator and TypeScript from it.
 */
export function newScratchApp(name: string): string {
  const parent = join(__dirname, '..', '..', 'results', 'tmp', name);
  rmSync(parent, { recursive: true, force: true });
  mkdirSync(parent, { recursive: true });
  execFileSync(process.execPath, [DEFT, 'new', 'app', '--yes'], { cwd: parent, stdio: 'ignore' });
  return join(parent, 'app');
}

/** Removes what `newScratchApp` made. */
export function removeScratchApp(root: string): void {
  rmSync(join(root, '..'), { recursive: true, force: true });
}

/** A running `deft ...`, with what it printed. */
export class DeftRun {
  output = '';
  readonly child: ChildProcess;

  constructor(args: readonly string[], cwd: string) {
    this.child = spawn(process.execPath, [DEFT, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  async until(pattern: RegExp, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.output)) {
      if (this.child.exitCode !== null || Date.now() > deadline) throw new Error(`deft did not print ${pattern}:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGINT');
    });
  }
}
