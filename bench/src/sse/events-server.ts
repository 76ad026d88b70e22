import 'reflect-metadata';
import { Readable } from 'node:stream';
import Fastify from 'fastify';
import { Controller, createApp, EventSourceResponse, Get, Query, ServerSentEvent } from '@deft/core';
import { announceListening } from '../harness/pinned-server';
import { keepTickObject } from '../harness/tick-object';

/** The event every implementation sends: a price tick, as a market feed would. */
const tick = (seq: number) => ({ seq, symbol: 'DEFT', price: 100 + (seq % 50) / 10 });

@Controller()
class Ticks {
  @Get('/ticks', { responseClass: EventSourceResponse })
  async *ticks(@Query('count', { type: Number }) count: number) {
    for (let seq = 0; seq < count; seq++) yield new ServerSentEvent({ data: tick(seq), id: String(seq) });
  }
}

/** A hand-written Fastify route: the same events as text from an async generator, sent as a stream. */
async function* handWritten(count: number): AsyncGenerator<string> {
  for (let seq = 0; seq < count; seq++) yield `data: ${JSON.stringify(tick(seq))}\nid: ${seq}\n\n`;
}

/** `node dist/sse/events-server.js deft|fastify <port>`: a server-sent events route at /ticks?count=N; prints `listening`. */
async function main(): Promise<void> {
  const [name, port] = process.argv.slice(2) as ['deft' | 'fastify', string];
  keepTickObject();
  let close: () => Promise<unknown>;
  if (name === 'deft') {
    const app = createApp({ controllers: [Ticks], fastify: { logger: false } });
    await app.listen({ port: Number(port) });
    close = () => app.close();
  } else {
    const app = Fastify({ logger: false });
    app.get<{ Querystring: { count: number } }>('/ticks', { schema: { querystring: { type: 'object', required: ['count'], properties: { count: { type: 'integer' } } } } }, (request, reply) => {
      reply.header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache');
      return reply.send(Readable.from(handWritten(request.query.count)));
    });
    await app.listen({ port: Number(port), host: '127.0.0.1' });
    close = () => app.close();
  }
  announceListening(close);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
