import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { canPin, LOAD_CORE, pinSelf } from '../harness/cpu-pinning';
import { startPinnedServer } from '../harness/pinned-server';
import { BENCH_ROOT } from '../harness/server-process';

/**
 * Messages per second echoed by a Deft WebSocket route and by a bare
 * @fastify/websocket handler: each of `connections` clients sends a message,
 * waits for its echo and sends the next, for `seconds`; the two servers take
 * turns over `rounds`, each pinned to the server core (the clients to the
 * other). `node bench/dist/websocket/echo.js [seconds] [rounds] [connections]`.
 */
type Name = 'deft' | 'bare';


async function measure(port: number, seconds: number, connections: number): Promise<number> {
  const until = Date.now() + seconds * 1000;
  let echoed = 0;
  await Promise.all(
    Array.from({ length: connections }, () => new Promise<void>((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${port}/echo`);
      socket.on('error', reject);
      socket.on('open', () => socket.send('hello'));
      socket.on('message', () => {
        echoed++;
        if (Date.now() < until) socket.send('hello');
        else socket.close();
      });
      socket.on('close', () => resolve());
    })),
  );
  return echoed / seconds;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const [seconds = 5, rounds = 5, connections = 32] = process.argv.slice(2).map(Number);
  const pinnedRun = pinSelf(LOAD_CORE) && canPin();
  const servers = { deft: await startPinnedServer('websocket/echo-server.js', 'deft'), bare: await startPinnedServer('websocket/echo-server.js', 'bare') };
  const rates: Record<Name, number[]> = { deft: [], bare: [] };
  for (const name of ['deft', 'bare'] as const) await measure(servers[name].port, 1, connections); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const name of (round % 2 === 0 ? ['deft', 'bare'] : ['bare', 'deft']) as Name[]) rates[name].push(await measure(servers[name].port, seconds, connections));
  }
  for (const { child } of Object.values(servers)) child.kill('SIGTERM');
  const ratios = rates.deft.map((rate, i) => rate / rates.bare[i]!);
  const lines = [
    `# WebSocket echo: Deft route vs bare @fastify/websocket handler`,
    '',
    `${rounds} rounds of ${seconds} s each, ${connections} connections, one message in flight per connection; ${pinnedRun ? 'servers pinned to core 0, clients to core 1' : 'not pinned (no taskset)'}.`,
    '',
    '| implementation | messages per second (median) | rounds |',
    '|---|--:|---|',
    `| Deft (@WebSocket, WebSocketConnection) | ${Math.round(median(rates.deft))} | ${rates.deft.map(Math.round).join(', ')} |`,
    `| bare @fastify/websocket | ${Math.round(median(rates.bare))} | ${rates.bare.map(Math.round).join(', ')} |`,
    '',
    `Deft ÷ bare, median of the rounds' own ratios: ${median(ratios).toFixed(2)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(', ')}).`,
    '',
  ];
  const file = join(BENCH_ROOT, 'results', `${new Date().toISOString().slice(0, 10)}-websocket-echo.md`);
  writeFileSync(file, lines.join('\n'));
  console.log(lines.join('\n'));
  console.log(`Written ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
