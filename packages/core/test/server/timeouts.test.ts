import 'reflect-metadata';
import type { Socket } from 'node:net';
import { Body, Controller, createApp, Get, Post, type DeftApp } from '@deft/core';
import { listenOnLoopback, rawConnection, until } from '../support/lifecycle';
import { exchange, httpRequest } from '../support/raw-socket';

@Controller()
class Endpoints {
  @Get('/ping')
  ping() {
    return 'pong';
  }

  @Post('/echo')
  echo(@Body({ type: Object }) body: unknown) {
    return body;
  }
}

function closedByServer(socket: Socket): Promise<void> {
  return new Promise((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));
}

/** Writes `text` one character every `ms` until the socket closes (or the text ends). */
function trickle(socket: Socket, text: string, ms: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return clearInterval(timer);
    socket.write(text[i++]!);
  }, ms);
  socket.once('close', () => clearInterval(timer));
}

describe('timeouts: a slow or silent client cannot hold the server', () => {
  let app: DeftApp;
  let port: number;
  beforeAll(async () => {
    app = createApp({ controllers: [Endpoints], timeouts: { headers: 200, request: 400, keepAlive: 150 }, fastify: { logger: false } });
    port = await listenOnLoopback(app);
  });
  afterAll(() => app.close());

  it('headers sent a byte at a time (slow-loris) are cut off at timeouts.headers with a JSON 408, while others are answered', async () => {
    const slow = await rawConnection(port);
    trickle(slow, 'GET /ping HTTP/1.1\r\nHost: test\r\nX-Padding: ' + 'a'.repeat(200), 20);
    // The server keeps answering everyone else meanwhile.
    expect((await exchange(port, httpRequest('GET', '/ping'))).json).toBe('pong');
    await until(() => slow.destroyed || slow.received().includes('408'), 'the slow client cut off');
    await closedByServer(slow);
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n[\s\S]*\{"detail":"The request did not arrive in time: its headers within 200 ms \(timeouts\.headers\), all of it within 400 ms \(timeouts\.request\)"\}$/);
  });

  it('a body sent a byte at a time is cut off at timeouts.request', async () => {
    const slow = await rawConnection(port);
    slow.write('POST /echo HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n');
    trickle(slow, `"${'a'.repeat(98)}"`, 20);
    await until(() => slow.destroyed, 'the slow body cut off');
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  });

  it('an idle kept-alive connection is closed after timeouts.keepAlive', async () => {
    const kept = await rawConnection(port);
    kept.write('GET /ping HTTP/1.1\r\nHost: test\r\n\r\n');
    await until(() => kept.received().endsWith('"pong"'), 'the answer');
    expect(kept.received()).toMatch(/connection: keep-alive/i);
    await until(() => kept.destroyed, 'the idle connection closed');
  });
});

describe('the timeouts have defaults, documented in the production checklist', () => {
  it('request 120 s, headers 20 s, keep-alive 72 s, idle 120 s', async () => {
    const app = createApp({ controllers: [Endpoints], fastify: { logger: false } });
    await app.ready();
    const server = app.fastify.server;
    expect([server.requestTimeout, server.headersTimeout, server.keepAliveTimeout, server.timeout]).toEqual([120_000, 20_000, 72_000, 120_000]);
    await app.close();
  });
});
