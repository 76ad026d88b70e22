import 'reflect-metadata';
import { Controller, createApp, Depends, EventSourceResponse, Get, ServerSentEvent, WebSocket, WebSocketConnection, type DeftApp } from '@deft/core';
import { deferred, listenOnLoopback, rawConnection, trackedResource, until, within, type Endings } from '../support/lifecycle';
import { resourceCounter } from '../support/resource-counter';

const quiet = { logger: false } as const;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('pipelined requests whose connection goes away: no teardown is lost', () => {
  it('25 bursts of 2 or 3 pipelined requests, a slow one first, the connection destroyed after 20 ms: every resource torn down once', async () => {
    const count = resourceCounter();
    @Controller()
    class Work {
      @Get('/slow')
      async slow(@count.resource() id: number) {
        await pause(40);
        return { id };
      }
      @Get('/fast')
      fast(@count.resource() id: number) {
        return { id };
      }
    }
    const app = createApp({ controllers: [Work], fastify: quiet });
    const port = await listenOnLoopback(app);
    for (let burst = 0; burst < 25; burst++) {
      const socket = await rawConnection(port);
      const queued = burst % 2 === 0 ? ['/fast'] : ['/fast', '/slow'];
      socket.write(['/slow', ...queued].map((path) => `GET ${path} HTTP/1.1\r\nHost: test\r\n\r\n`).join(''));
      await pause(20);
      if (burst % 3 === 0) socket.resetAndDestroy();
      else socket.destroy();
    }
    await until(() => count.open.size === 0, 'every resource torn down', 5000);
    await app.close();
    expect(count.made()).toBeGreaterThanOrEqual(50);
    expect([count.open.size, count.eachOnce()]).toEqual([0, true]);
  });
});

describe("a handler past Fastify's handlerTimeout: a JSON 503, and its teardown once the handler is done", () => {
  it('answers 503 and tears the request down once', async () => {
    const endings: Endings = new Map();
    const done = deferred();
    @Controller()
    class Slow {
      @Get('/slow')
      async slow(@Depends(trackedResource(endings, 'slow')) _r: string) {
        await pause(200);
        done.resolve();
        return { slow: true };
      }
    }
    const app = createApp({ controllers: [Slow], fastify: { ...quiet, handlerTimeout: 50 } });
    const res = await app.fastify.inject({ url: '/slow' });
    expect([res.statusCode, res.json()]).toEqual([503, { detail: 'The request took too long to handle' }]);
    await within(done.promise, 'the handler finishing');
    await until(() => (endings.get('slow')?.length ?? 0) > 1, 'the teardown');
    await app.close();
    expect(endings.get('slow')).toEqual(['setup', 'aborted:server']);
  });
});

describe('streams and WebSockets still open when the app closes: ended within the grace period, torn down once', () => {
  let endings: Endings;
  let app: DeftApp;
  beforeEach(() => {
    endings = new Map();
  });

  function buildApp(shutdown: number): DeftApp {
    @Controller()
    class Live {
      @Get('/events', { responseClass: EventSourceResponse })
      async *events(@Depends(trackedResource(endings, 'events')) _r: string) {
        for (let i = 0; ; i++) {
          yield new ServerSentEvent({ data: { i } });
          await pause(10);
        }
      }

      @WebSocket('/ws')
      async chat(@Depends(trackedResource(endings, 'ws')) _r: string, socket: WebSocketConnection) {
        for await (const message of socket) await socket.sendText(String(message));
      }
    }
    return createApp({ controllers: [Live], timeouts: { shutdown }, fastify: quiet });
  }

  it('a server-sent event stream that never ends is cut at the end of the grace period; close() resolves', async () => {
    app = buildApp(100);
    const socket = await rawConnection(await listenOnLoopback(app));
    socket.write('GET /events HTTP/1.1\r\nHost: test\r\n\r\n');
    await until(() => socket.received().includes('data: {"i":1}'), 'the stream flowing');
    await within(app.close(), 'close()', 5000);
    await until(() => socket.destroyed || socket.readableEnded, 'the stream ended');
    expect(endings.get('events')).toEqual(['setup', 'aborted:server']);
  });

  it('a WebSocket open at close(): closed with 1001, its teardown once, close() resolves', async () => {
    app = buildApp(5000);
    const socket = await openWebSocket(app, '/ws');
    // A client that answers the close frame, as browsers do.
    socket.on('data', (chunk: Buffer) => {
      if (chunk.includes(0x88)) socket.end(maskedClose(1001));
    });
    await within(app.close(), 'close()', 5000);
    expect(endings.get('ws')).toEqual(['setup', 'aborted:server']);
  });

  it('a WebSocket client that never answers the close frame is cut off at the end of the grace period', async () => {
    app = buildApp(150);
    const socket = await openWebSocket(app, '/ws');
    await within(app.close(), 'close() (the socket cut at the end of the grace period, not at ws\'s 30 s close timeout)', 3000);
    await until(() => socket.destroyed, 'the connection closed');
    expect(endings.get('ws')).toEqual(['setup', 'aborted:server']);
  });
});

/** A raw connection that has done a WebSocket handshake, and answers nothing unless told to. */
async function openWebSocket(app: DeftApp, path: string) {
  const socket = await rawConnection(await listenOnLoopback(app));
  socket.write(`GET ${path} HTTP/1.1\r\nHost: test\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`);
  await until(() => socket.received().startsWith('HTTP/1.1 101'), 'the handshake');
  return socket;
}

/** A client's close frame (clients mask theirs; the mask here is zero). */
function maskedClose(code: number): Buffer {
  return Buffer.from([0x88, 0x82, 0, 0, 0, 0, code >> 8, code & 0xff]);
}
