import 'reflect-metadata';
import type { Socket } from 'node:net';
import { Body, Controller, createApp, Depends, Get, Post, WebSocket, WebSocketConnection, type DeftApp } from '@deft/core';
import { listenOnLoopback, rawConnection, trackedResource, until, type Endings } from '../support/lifecycle';
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
  it('request 120 s, headers 20 s, keep-alive 72 s', async () => {
    const app = createApp({ controllers: [Endpoints], fastify: { logger: false } });
    await app.ready();
    const server = app.fastify.server;
    expect([server.requestTimeout, server.headersTimeout, server.keepAliveTimeout]).toEqual([120_000, 20_000, 72_000]);
    await app.close();
  });

  it('idle 120 s: a connection silent for two minutes is closed, not one silent for less', async () => {
    // Only the idle sweep's clock is faked: Node's own timers (keep-alive, request timeouts) and the I/O stay real.
    jest.useFakeTimers({ doNotFake: ['Date', 'hrtime', 'nextTick', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout'] });
    const app = createApp({ controllers: [Endpoints], fastify: { logger: false } });
    try {
      const socket = await rawConnection(await listenOnLoopback(app));
      socket.write('GET /ping HTTP/1.1\r\nHost: test\r\n\r\n');
      await until(() => socket.received().endsWith('"pong"'), 'the answer');
      jest.advanceTimersByTime(110_000);
      await new Promise((resolve) => setImmediate(resolve));
      expect(socket.destroyed).toBe(false);
      jest.advanceTimersByTime(40_000);
      await until(() => socket.destroyed, 'the silent connection closed');
    } finally {
      jest.useRealTimers();
      await app.close();
    }
  });
});

/** A WebSocket handshake request (RFC 6455, 4.1). */
function webSocketUpgrade(path: string): string {
  return `GET ${path} HTTP/1.1\r\nHost: test\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;
}

/** One masked text frame, as a client sends it (RFC 6455, 5.3). */
function maskedText(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = Buffer.from([1, 2, 3, 4]);
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, payload.map((byte, i) => byte ^ mask[i % 4]!)]);
}

describe('timeouts.idle: a connection with no traffic either way is closed', () => {
  const endings: Endings = new Map();
  @Controller()
  class Slow {
    @Get('/endless')
    async *endless(@Depends(trackedResource(endings, 'stream')) _resource: string) {
      for (;;) yield { padding: 'x'.repeat(1024) };
    }

    @WebSocket('/echo')
    async echo(socket: WebSocketConnection) {
      for (;;) await socket.sendText(await socket.receiveText());
    }
  }

  let app: DeftApp;
  let port: number;
  beforeEach(async () => {
    endings.clear();
    app = createApp({ controllers: [Slow], timeouts: { idle: 150 }, fastify: { logger: false } });
    port = await listenOnLoopback(app);
  });
  afterEach(() => app.close());

  it('a client that stops reading a streamed answer: the server closes the connection once its buffers are full', async () => {
    const socket = await rawConnection(port);
    socket.pause();
    socket.write('GET /endless HTTP/1.1\r\nHost: test\r\n\r\n');
    // The server writes until the socket's buffers are full, then nothing moves for 150 ms.
    await until(() => endings.get('stream')?.length === 2, 'the server ending the stalled request', 5000);
    expect(endings.get('stream')).toEqual(['setup', 'aborted:server']);
    socket.destroy();
  });

  it('an upgraded connection (a WebSocket) is not: it stays open however long it is silent', async () => {
    const socket = await rawConnection(port);
    socket.write(webSocketUpgrade('/echo'));
    await until(() => socket.received().startsWith('HTTP/1.1 101'), 'the handshake');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(socket.destroyed).toBe(false);
    socket.write(maskedText('still here'));
    await until(() => socket.received().endsWith('still here'), 'the echo');
    socket.destroy();
  });
});
