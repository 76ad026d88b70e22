import { connect, type Socket } from 'node:net';

/** How a connection of the abort benchmark ends. */
export const ENDINGS = ['complete', 'destroy', 'reset', 'half-written', 'pipelined-then-destroy'] as const;
export type Ending = (typeof ENDINGS)[number];

export interface AbortRun {
  readonly connections: number;
  readonly byEnding: Readonly<Record<Ending, number>>;
  readonly seconds: number;
}

/** mulberry32: a seeded generator, so a run can be repeated. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PATHS = ['/fast', '/slow', '/slow', '/fails'];
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function closed(socket: Socket): Promise<void> {
  return new Promise((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));
}

async function oneConnection(port: number, next: () => number, ending: Ending): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()).once('close', () => resolve()));
  const count = ending === 'pipelined-then-destroy' ? 2 + Math.floor(next() * 2) : 1 + Math.floor(next() * 3);
  const paths = ending === 'pipelined-then-destroy' ? ['/slow', ...Array.from({ length: count - 1 }, () => PATHS[Math.floor(next() * PATHS.length)]!)] : Array.from({ length: count }, () => PATHS[Math.floor(next() * PATHS.length)]!);
  const text = paths.map((path) => `GET ${path} HTTP/1.1\r\nHost: bench\r\n\r\n`).join('');
  const gone = closed(socket);
  if (ending === 'half-written') socket.write(text.slice(0, 1 + Math.floor(next() * (text.length - 1))));
  else socket.write(text);
  if (ending === 'complete') {
    const deadline = Date.now() + 10_000;
    while ((received.match(/HTTP\/1\.1 /g) ?? []).length < count || !received.endsWith('}')) {
      if (socket.destroyed || Date.now() > deadline) break;
      await pause(2);
    }
    socket.end();
  } else {
    await pause(ending === 'pipelined-then-destroy' ? 20 : Math.floor(next() * 25));
    if (ending === 'reset') socket.resetAndDestroy();
    else socket.destroy();
  }
  await gone;
}

/** `total` connections, `concurrency` at a time, each ending one of the ways at random (seeded). */
export async function randomAborts(port: number, total: number, concurrency: number, seed: number): Promise<AbortRun> {
  const next = seeded(seed);
  const byEnding = Object.fromEntries(ENDINGS.map((e) => [e, 0])) as Record<Ending, number>;
  const started = Date.now();
  let issued = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued < total) {
        issued++;
        const ending = ENDINGS[Math.floor(next() * ENDINGS.length)]!;
        byEnding[ending]++;
        await oneConnection(port, next, ending);
      }
    }),
  );
  return { connections: total, byEnding, seconds: (Date.now() - started) / 1000 };
}
