import { execFileSync } from 'node:child_process';

/** The core servers run on and the core the load generator runs on. */
export const SERVER_CORE = 0;
export const LOAD_CORE = 1;

let available: boolean | undefined;

/** Whether `taskset` (util-linux) is there to pin processes to cores. */
export function canPin(): boolean {
  if (available === undefined) {
    try {
      execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

/** Pins this process (all its threads) to `core`; returns whether it could. */
export function pinSelf(core: number): boolean {
  if (!canPin()) return false;
  execFileSync('taskset', ['-a', '-p', '-c', String(core), String(process.pid)], { stdio: 'ignore' });
  return true;
}

/** The command line that runs `command` pinned to `core` (unpinned where taskset is missing). */
export function pinned(core: number, command: string, args: readonly string[]): [string, string[]] {
  return canPin() ? ['taskset', ['-c', String(core), command, ...args]] : [command, [...args]];
}
