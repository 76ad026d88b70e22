import 'reflect-metadata';
import type { Socket } from 'node:net';
import { Controller, createApp, Depends, Get, HTTPException, RequestContext, type DeftApp } from '@deft/core';
import { TestClient } from '@deft/testing';
import { deferred, listenOnLoopback, rawConnection, trackedResource, until, within, type Endings } from '../support/lifecycle';
import { resourceCounter, seededRandom } from '../support/resource-counter';

const quiet = { logger: false } as const;

/** Resolves once the server has no open connection left (it saw the client go). */
function serverConnections(app: DeftApp): Promise<number> {
  return new Promise((resolve, reject) => app.fastify.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
}

async function untilServerSeesNoConnection(app: DeftApp): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if ((await serverConnections(app)) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the server still holds the connection');
}

function closedByPeer(socket: Socket): Promise<void> {
  return new Promise((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));
}

describe('every way a request ends tears its dependencies down exactly once, with how it really ended', () => {
  let endings: Endings;
  let gates: Map<string, ReturnType<typeof deferred<void>>>;
  let entered: Map<string, ReturnType<typeof deferred<void>>>;
  const gate = (name: string) => {
    if (!gates.has(name)) gates.set(name, deferred());
    return gates.get(name)!;
  };
  const enter = (name: string) => {
    if (!entered.has(name)) entered.set(name, deferred());
    return entered.get(name)!;
  };

  function buildApp(fastify: Record<string, unknown> = {}): DeftApp {
    const resource = (name: string) => Depends(trackedResource(endings, name));
    @Controller()
    class Endpoints {
      @Get('/ok')
      ok(@resource('ok') _r: string) {
        return { ok: true };
      }
      @Get('/throws')
      throws(@resource('throws') _r: string) {
        throw new HTTPException(409, 'conflict');
      }
      @Get('/cycle')
      cycle(@resource('cycle') _r: string) {
        const value: Record<string, unknown> = { n: 1 };
        value.self = value;
        return value;
      }
      @Get('/cycle-async')
      async cycleAsync(@resource('cycle-async') _r: string) {
        await Promise.resolve();
        const value: Record<string, unknown> = { n: 1 };
        value.self = value;
        return value;
      }
      @Get('/bad-header')
      badHeader(@resource('bad-header') _r: string, context: RequestContext) {
        context.setHeader('x-broken', 'line\nbreak');
        return { ok: true };
      }
      @Get('/self-sent')
      selfSent(@resource('self-sent') _r: string, context: RequestContext) {
        return context.reply.type('text/plain').send('sent by the handler');
      }
      @Get('/self-sent-later')
      async selfSentLater(@resource('self-sent-later') _r: string, context: RequestContext) {
        void context.reply.type('text/plain').send('sent by the handler');
        await new Promise((resolve) => setTimeout(resolve, 5));
        return context.reply;
      }
      @Get('/slow')
      async slow(@resource('slow') _r: string) {
        enter('slow').resolve();
        await gate('slow').promise;
        return { slow: true };
      }
      @Get('/fast')
      fast(@resource('fast') _r: string) {
        enter('fast').resolve();
        return { fast: true };
      }
    }
    return createApp({ controllers: [Endpoints], fastify: { ...quiet, ...fastify } });
  }

  beforeEach(() => {
    endings = new Map();
    gates = new Map();
    entered = new Map();
  });

  it('a response sent: a normal end, after the response', async () => {
    const app = buildApp();
    const res = await new TestClient(app).get('/ok');
    expect(res.status).toBe(200);
    await app.close();
    expect(endings.get('ok')).toEqual(['setup', 'completed']);
  });

  it.each(['/self-sent', '/self-sent-later'])('a response the handler sent itself (%s): a normal end', async (path) => {
    const app = buildApp();
    const res = await new TestClient(app).get(path);
    expect(res.text).toBe('sent by the handler');
    await app.close();
    expect(endings.get(path.slice(1))).toEqual(['setup', 'completed']);
  });

  it('a response the handler sent itself over a real connection: a normal end', async () => {
    const app = buildApp();
    const socket = await rawConnection(await listenOnLoopback(app));
    socket.write('GET /self-sent-later HTTP/1.1\r\nHost: test\r\n\r\n');
    await until(() => socket.received().endsWith('sent by the handler'), 'the response');
    await until(() => endings.get('self-sent-later')!.length > 1, 'the teardown');
    socket.destroy();
    await app.close();
    expect(endings.get('self-sent-later')).toEqual(['setup', 'completed']);
  });

  it('the handler throws: the error, before the error response is sent', async () => {
    const app = buildApp();
    const res = await new TestClient(app).get('/throws');
    expect(endings.get('throws')).toEqual(['setup', 'failed:HTTPException:conflict']);
    expect([res.status, res.json()]).toEqual([409, { detail: 'conflict' }]);
    await app.close();
    expect(endings.get('throws')).toHaveLength(2);
  });

  it.each(['/cycle', '/cycle-async'])('a result JSON cannot write (%s, a cycle): the TypeError, then a 500, for a synchronous and an asynchronous handler alike', async (path) => {
    const app = buildApp();
    const res = await new TestClient(app).get(path);
    expect([res.status, res.json()]).toEqual([500, { detail: 'Internal Server Error' }]);
    await app.close();
    expect(endings.get(path.slice(1))).toEqual(['setup', expect.stringMatching(/^failed:TypeError:Converting circular structure to JSON/)]);
  });

  it('a response Node refuses to write (a header with a line break): the error, and a 500', async () => {
    const app = buildApp();
    const res = await new TestClient(app).get('/bad-header');
    expect(res.status).toBe(500);
    expect(res.headers['x-broken']).toBeUndefined();
    await app.close();
    expect(endings.get('bad-header')).toEqual(['setup', expect.stringMatching(/^failed:TypeError:Invalid character in header content/)]);
  });

  it('the client goes away while the handler runs: an abort, once the handler is done', async () => {
    const app = buildApp();
    const socket = await rawConnection(await listenOnLoopback(app));
    socket.write('GET /slow HTTP/1.1\r\nHost: test\r\n\r\n');
    await within(enter('slow').promise, 'the handler starting');
    socket.destroy();
    await untilServerSeesNoConnection(app);
    expect(endings.get('slow')).toEqual(['setup']);
    gate('slow').resolve();
    await until(() => endings.get('slow')!.length > 1, 'the teardown');
    await app.close();
    expect(endings.get('slow')).toEqual(['setup', 'aborted:client']);
  });

  it('two pipelined requests, then the connection is reset: each is aborted, the one queued behind the other too', async () => {
    const app = buildApp();
    const socket = await rawConnection(await listenOnLoopback(app));
    socket.write('GET /slow HTTP/1.1\r\nHost: test\r\n\r\nGET /fast HTTP/1.1\r\nHost: test\r\n\r\n');
    await within(Promise.all([enter('slow').promise, enter('fast').promise]), 'both handlers starting');
    await new Promise((resolve) => setImmediate(resolve));
    socket.resetAndDestroy();
    await untilServerSeesNoConnection(app);
    await until(() => endings.get('fast')!.length > 1, 'the queued request\'s teardown');
    gate('slow').resolve();
    await until(() => endings.get('slow')!.length > 1, 'the first request\'s teardown');
    await app.close();
    expect(endings.get('fast')).toEqual(['setup', 'aborted:client']);
    expect(endings.get('slow')).toEqual(['setup', 'aborted:client']);
    expect(socket.received()).toBe('');
  });

  it('the app closes during a request: close() lets it finish, then tears it down, then resolves', async () => {
    const app = buildApp();
    const socket = await rawConnection(await listenOnLoopback(app));
    socket.write('GET /slow HTTP/1.1\r\nHost: test\r\n\r\n');
    await within(enter('slow').promise, 'the handler starting');
    let closed = false;
    const closing = app.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(false);
    gate('slow').resolve();
    await within(closing, 'close()');
    expect(endings.get('slow')).toEqual(['setup', 'completed']);
    await within(closedByPeer(socket), 'the server ending the connection after the response');
    expect(socket.received()).toMatch(/\r\nconnection: close\r\n/i);
    expect(socket.received()).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\{"slow":true\}$/);
  });

  it('the app closes its connections during a request: an abort by the server, once', async () => {
    const app = buildApp({ forceCloseConnections: true });
    const socket = await rawConnection(await listenOnLoopback(app));
    socket.write('GET /slow HTTP/1.1\r\nHost: test\r\n\r\n');
    await within(enter('slow').promise, 'the handler starting');
    const closing = app.close();
    await within(closedByPeer(socket), 'the server closing the connection');
    gate('slow').resolve();
    await within(closing, 'close()');
    expect(endings.get('slow')).toEqual(['setup', 'aborted:server']);
  });
});

describe('the server ends a request: its connection idle past timeouts.idle', () => {
  it('the teardown learns RequestAborted from the server, once the handler is done', async () => {
    const endings: Endings = new Map();
    const handlerDone = deferred();
    @Controller()
    class Sleepy {
      @Get('/sleep')
      async sleep(@Depends(trackedResource(endings, 'sleep')) _r: string) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        handlerDone.resolve();
        return { slept: true };
      }
    }
    const app = createApp({ controllers: [Sleepy], timeouts: { idle: 100 }, fastify: quiet });
    const socket = await rawConnection(await listenOnLoopback(app));
    socket.write('GET /sleep HTTP/1.1\r\nHost: test\r\n\r\n');
    await within(closedByPeer(socket), 'the server closing the idle connection');
    expect(socket.received()).toBe('');
    await within(handlerDone.promise, 'the handler finishing');
    await until(() => endings.get('sleep')!.length > 1, 'the teardown');
    await app.close();
    expect(endings.get('sleep')).toEqual(['setup', 'aborted:server']);
  });
});

describe('teardown exactly once under randomized aborts: the count of open resources returns to 0', () => {
  it('for 400 connections, each ending one of the ways a request can end, at a random moment', async () => {
    const seed = Number(process.env.DEFT_ABORT_SEED ?? 20261202);
    const next = seededRandom(seed);
    const { resource, open: opened, made, eachOnce } = resourceCounter();
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    @Controller()
    class Work {
      @Get('/fast')
      fast(@resource('request') a: number) {
        return { a };
      }
      @Get('/slow')
      async slow(@resource('request') a: number, @resource('function') b: number, @Depends(() => pause(Math.floor(next() * 15))) _p: unknown) {
        await pause(Math.floor(next() * 15));
        return { a, b };
      }
      @Get('/fails')
      async fails(@resource('request') _a: number) {
        await pause(Math.floor(next() * 5));
        throw new HTTPException(409, 'conflict');
      }
    }
    const app = createApp({ controllers: [Work], timeouts: { idle: 60, keepAlive: 60 }, fastify: quiet });
    const port = await listenOnLoopback(app);
    const paths = ['/fast', '/slow', '/slow', '/fails'];
    const endingsOf = ['complete', 'destroy', 'reset', 'half-written', 'idle'] as const;

    const oneConnection = async (): Promise<void> => {
      const socket = await rawConnection(port);
      const requests = 1 + Math.floor(next() * 3);
      const text = Array.from({ length: requests }, () => `GET ${paths[Math.floor(next() * paths.length)]} HTTP/1.1\r\nHost: test\r\n\r\n`).join('');
      const ending = endingsOf[Math.floor(next() * endingsOf.length)]!;
      const gone = closedByPeer(socket);
      if (ending === 'half-written') socket.write(text.slice(0, Math.max(1, Math.floor(next() * text.length))));
      else socket.write(text);
      if (ending === 'complete') {
        // On a loaded machine the server's 60 ms idle timeout may end the connection first: an ending of its own.
        const answered = () => (socket.received().match(/HTTP\/1\.1 /g) ?? []).length === requests && /\}$/.test(socket.received());
        await until(() => answered() || socket.destroyed, 'every answer', 5000);
        socket.end();
      } else if (ending === 'idle') {
        // Nothing more is sent or read: the server ends the connection when it has been idle too long.
        await within(gone, 'the server closing the idle connection', 5000);
      } else {
        await pause(Math.floor(next() * 25));
        if (ending === 'reset') socket.resetAndDestroy();
        else socket.destroy();
      }
      await within(gone, 'the connection closing', 5000);
    };

    // 50 clients at once, 8 connections each, one after the other.
    await Promise.all(Array.from({ length: 50 }, async () => {
      for (let i = 0; i < 8; i++) await oneConnection();
    }));
    await until(() => opened.size === 0, `every resource torn down (seed ${seed}; still open: ${[...opened].join(', ')})`, 5000);
    await app.close();
    expect(made()).toBeGreaterThan(300);
    expect([opened.size, eachOnce()]).toEqual([0, true]);
  }, 30000);
});
