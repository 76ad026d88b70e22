import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOAD_CORE, pinned } from '../harness/cpu-pinning';
import type { BenchRequest } from '../scenarios/scenario';

/** What one wrk run reports: requests completed, and how many answers were not 2xx or 3xx. */
export interface WrkResult {
  readonly requests: number;
  readonly seconds: number;
  readonly non2xx: number;
  readonly socketErrors: number;
}

/** A string as a Lua literal: every byte but letters and digits as a decimal escape, so nothing in it is Lua. */
export function luaString(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    const alnum = (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122);
    out += alnum ? String.fromCharCode(byte) : `\\${String(byte).padStart(3, '0')}`;
  }
  return `${out}"`;
}

/** The wrk script that cycles through `requests` on every connection, as the autocannon load does. */
export function wrkScript(requests: readonly BenchRequest[]): string {
  const formatted = requests.map((r) => {
    const headers = { ...r.headers };
    const fields = Object.entries(headers).map(([name, value]) => `[${luaString(name)}] = ${luaString(value)}`);
    const body = r.body === undefined ? 'nil' : luaString(r.body);
    return `  wrk.format(${luaString(r.method)}, ${luaString(r.path)}, { ${fields.join(', ')} }, ${body}),`;
  });
  return [
    'local requests = nil',
    'local i = 0',
    'init = function()',
    '  requests = {',
    ...formatted,
    '  }',
    'end',
    'request = function()',
    '  i = i % #requests + 1',
    '  return requests[i]',
    'end',
    '',
  ].join('\n');
}

/** Reads wrk's summary: `N requests in 10.00s`, and the non-2xx and socket error lines when there are any. */
export function parseWrkOutput(output: string): WrkResult {
  const done = /(\d+) requests in ([\d.]+)(us|ms|s|m)\b/.exec(output);
  if (!done) throw new Error(`wrk printed no summary:\n${output}`);
  const unit = { us: 1e-6, ms: 1e-3, s: 1, m: 60 }[done[3] as 'us' | 'ms' | 's' | 'm'];
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requests: Number(done[1]),
    seconds: Number(done[2]) * unit,
    non2xx: non2xx ? Number(non2xx[1]) : 0,
    socketErrors: errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

let scriptDir: string | undefined;

/** Runs one wrk (one thread, pinned to the load core) against `url` with `connections` for `seconds`. */
export function runWrk(url: string, requests: readonly BenchRequest[], options: { connections: number; seconds: number }): Promise<WrkResult> {
  scriptDir ??= mkdtempSync(join(tmpdir(), 'deft-wrk-'));
  const script = join(scriptDir, `load-${Math.random().toString(36).slice(2)}.lua`);
  writeFileSync(script, wrkScript(requests));
  const [command, args] = pinned(LOAD_CORE, 'wrk', ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '-s', script, url]);
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`wrk failed: ${error.message}\n${stderr}`));
      try {
        resolve(parseWrkOutput(stdout));
      } catch (parseError) {
        reject(parseError as Error);
      }
    });
  });
}
