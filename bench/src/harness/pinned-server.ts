import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pinned, SERVER_CORE } from './cpu-pinning';
import { freePort } from './free-port';
import { BENCH_ROOT } from './server-process';

/** A benchmark's server process, pinned to the server core. */
export interface PinnedServer {
  readonly port: number;
  readonly child: ChildProcess;
}

/** Starts `node dist/<script> <name> <port>` on the server core; resolves once it prints `listening`. */
export async function startPinnedServer(script: string, name: string): Promise<PinnedServer> {
  const port = await freePort();
  const [command, args] = pinned(SERVER_CORE, process.execPath, [join(BENCH_ROOT, 'dist', script), name, String(port)]);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => (String(chunk).includes('listening') ? resolve() : undefined));
    child.once('exit', (code) => reject(new Error(`the ${name} server exited with ${code}`)));
  });
  return { port, child };
}

/** In a server process: says `listening` to the benchmark that started it, and closes on SIGTERM. */
export function announceListening(close: () => Promise<unknown>): void {
  process.stdout.write('listening\n');
  process.once('SIGTERM', () => void close().finally(() => process.exit(0)));
}
