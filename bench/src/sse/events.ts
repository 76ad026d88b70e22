import { writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { canPin, LOAD_CORE, pinSelf } from '../harness/cpu-pinning';
import { cpuSeconds } from '../harness/proc-stats';
import { startPinnedServer, type PinnedServer } from '../harness/pinned-server';
import { BENCH_ROOT } from '../harness/server-process';

/**
 * Server-sent events per second to `clients` clients at once: each opens
 * `/ticks?count=N` and reads the stream to its end; the rates are all events
 * over the server's CPU time (what other work on the machine skews least),
 * and over the time until the last client finished. A Deft
 * `EventSourceResponse` route and a hand-written Fastify one take turns over
 * `rounds`, each pinned to the server core (the clients to the other).
 * `node bench/dist/sse/events.js [events per client] [rounds] [clients]`.
 */
type Name = 'deft' | 'fastify';


/** Reads one stream to its end; answers how many events it held (a blank line ends each). */
function readEvents(port: number, count: number): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: `/ticks?count=${count}`, agent: false }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`status ${response.statusCode}`));
      let events = 0;
      let tail = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        const text = tail + chunk;
        let at = text.indexOf('\n\n');
        let from = 0;
        while (at >= 0) {
          events++;
          from = at + 2;
          at = text.indexOf('\n\n', from);
        }
        tail = text.slice(from);
      });
      response.on('end', () => resolve(events));
      response.on('error', reject);
    }).on('error', reject);
  });
}

interface Rates {
  /** Events received per second of wall-clock time. */
  readonly perSecond: number;
  /** Events sent per CPU-second of the server: what other work on the machine skews least. */
  readonly perCpuSecond: number;
}

async function measure(server: PinnedServer, count: number, clients: number): Promise<Rates> {
  const cpuBefore = cpuSeconds(server.child.pid!) ?? Number.NaN;
  const started = process.hrtime.bigint();
  const received = await Promise.all(Array.from({ length: clients }, () => readEvents(server.port, count)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = (cpuSeconds(server.child.pid!) ?? Number.NaN) - cpuBefore;
  const total = received.reduce((sum, n) => sum + n, 0);
  if (total !== count * clients) throw new Error(`received ${total} events of ${count * clients}`);
  return { perSecond: total / seconds, perCpuSecond: total / cpu };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const [count = 20_000, rounds = 5, clients = 50] = process.argv.slice(2).map(Number);
  const pinnedRun = pinSelf(LOAD_CORE) && canPin();
  const loadAtStart = loadavg().map((l) => l.toFixed(2)).join(' / ');
  const servers = { deft: await startPinnedServer('sse/events-server.js', 'deft'), fastify: await startPinnedServer('sse/events-server.js', 'fastify') };
  const rates: Record<Name, Rates[]> = { deft: [], fastify: [] };
  for (const name of ['deft', 'fastify'] as const) await measure(servers[name], Math.ceil(count / 10), clients); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const name of (round % 2 === 0 ? ['deft', 'fastify'] : ['fastify', 'deft']) as Name[]) rates[name].push(await measure(servers[name], count, clients));
  }
  for (const { child } of Object.values(servers)) child.kill('SIGTERM');
  const column = (name: Name, key: keyof Rates) => rates[name].map((r) => r[key]);
  const ratios = (key: keyof Rates) => rates.deft.map((r, i) => r[key] / rates.fastify[i]![key]);
  const row = (label: string, name: Name) =>
    `| ${label} | ${Math.round(median(column(name, 'perCpuSecond')))} | ${Math.round(median(column(name, 'perSecond')))} | ${column(name, 'perCpuSecond').map(Math.round).join(', ')} |`;
  const lines = [
    '# Server-sent events: Deft EventSourceResponse vs a hand-written Fastify stream',
    '',
    `${rounds} rounds; in each, ${clients} clients read ${count} events each at once; ${pinnedRun ? 'servers pinned to core 0, clients to core 1' : 'not pinned (no taskset)'}; load average at start ${loadAtStart}.`,
    '',
    '| implementation | events per CPU-second (median) | events per second (median) | rounds, per CPU-second |',
    '|---|--:|--:|---|',
    row('Deft (EventSourceResponse, ServerSentEvent)', 'deft'),
    row('Fastify (async generator of text, Readable.from)', 'fastify'),
    '',
    `Deft ÷ Fastify, median of the rounds' own ratios: ${median(ratios('perCpuSecond')).toFixed(2)} per CPU-second (rounds: ${ratios('perCpuSecond').map((r) => r.toFixed(2)).join(', ')}); ${median(ratios('perSecond')).toFixed(2)} per second.`,
    '',
  ];
  const file = join(BENCH_ROOT, 'results', `${new Date().toISOString().slice(0, 10)}-sse.md`);
  writeFileSync(file, lines.join('\n'));
  console.log(lines.join('\n'));
  console.log(`Written ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
