import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { BackgroundTasks, Controller, createApp, Depends, Get, type DeftApp, type ServerTimeouts } from '@deft/core';
import { deferred, listenOnLoopback, rawConnection, trackedResource, until, within, type Endings } from '../support/lifecycle';
import { exchange, httpRequest } from '../support/raw-socket';

describe('graceful shutdown: close() stops new work, lets running requests finish within the grace period, then aborts the rest', () => {
  let endings: Endings;
  let events: string[];
  let gate: ReturnType<typeof deferred<void>>;
  let entered: ReturnType<typeof deferred<void>>;
  let slowSetup: ReturnType<typeof deferred<void>>;

  function buildApp(timeouts: ServerTimeouts = {}): DeftApp {
    const resource = (name: string) => Depends(trackedResource(endings, name));
    async function* lateResource() {
      await slowSetup.promise;
      yield* trackedResource(endings, 'late')();
    }
    @Controller()
    class Endpoints {
      @Get('/slow')
      async slow(@resource('slow') _r: string, tasks: BackgroundTasks) {
        entered.resolve();
        await gate.promise;
        events.push('handler done');
        tasks.addTask(() => void events.push('background task'));
        return { slow: true };
      }

      @Get('/slow-setup')
      slowSetupRoute(@resource('early') _e: string, @Depends(lateResource) _l: string) {
        return { late: true };
      }

      @Get('/fast')
      fast() {
        return { fast: true };
      }
    }
    return createApp({
      controllers: [Endpoints],
      timeouts,
      lifespan: { start: () => undefined, stop: () => void events.push('lifespan stop') },
      fastify: { logger: false },
    });
  }

  beforeEach(() => {
    endings = new Map();
    events = [];
    gate = deferred();
    entered = deferred();
    slowSetup = deferred();
  });

  it('a request that finishes within the grace period is answered, then its task and teardown run, then the lifespan stops', async () => {
    const app = buildApp({ shutdown: 5000 });
    const port = await listenOnLoopback(app);
    const answer = exchange(port, httpRequest('GET', '/slow'));
    await within(entered.promise, 'the handler starting');
    const closed = app.close();
    await until(() => app.fastify.server.listening === false, 'the server to stop listening');
    gate.resolve();
    const res = await answer;
    expect([res.status, res.json, res.headers.connection]).toEqual([200, { slow: true }, 'close']);
    await within(closed, 'close()');
    expect(endings.get('slow')).toEqual(['setup', 'completed']);
    expect(events).toEqual(['handler done', 'background task', 'lifespan stop']);
  });

  it('no new connection is accepted once close() has begun, and a request that arrives on an open one gets a JSON 503', async () => {
    const app = buildApp({ shutdown: 5000 });
    const port = await listenOnLoopback(app);
    const busy = exchange(port, httpRequest('GET', '/slow'));
    await within(entered.promise, 'the handler starting');
    // A connection in the middle of sending its request is not idle: closing the server leaves it open.
    const arriving = await rawConnection(port);
    arriving.write('GET /fast HTTP/1.1\r\nHost: test\r\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closed = app.close();
    await until(() => !app.fastify.server.listening, 'the server to stop listening');
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      socket.on('connect', () => resolve('connected'));
    });
    expect(refused).toBe('ECONNREFUSED');
    arriving.write('\r\n');
    await until(() => arriving.received().includes('shutting down'), 'the answer to the late request');
    expect(arriving.received()).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n[\s\S]*connection: close[\s\S]*\{"detail":"Service Unavailable: the server is shutting down"\}$/i);
    gate.resolve();
    expect((await busy).status).toBe(200);
    await within(closed, 'close()');
  });

  it('a request still running past the grace period is aborted: its connection closes, its teardown runs at once, close() resolves', async () => {
    const app = buildApp({ shutdown: 100 });
    const socket = await rawConnection(await listenOnLoopback(app));
    socket.write('GET /slow HTTP/1.1\r\nHost: test\r\n\r\n');
    await within(entered.promise, 'the handler starting');
    const gone = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await within(app.close(), 'close() past the grace period');
    await within(gone, 'the connection closing');
    expect(socket.received()).toBe('');
    expect(endings.get('slow')).toEqual(['setup', 'aborted:server']);
    expect(events).toEqual(['lifespan stop']);
    // The handler finishing afterwards finds its request ended: nothing is torn down twice.
    gate.resolve();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(endings.get('slow')).toEqual(['setup', 'aborted:server']);
  });

  it('a dependency still being set up when the grace period ends is torn down as soon as it is made', async () => {
    const app = buildApp({ shutdown: 50 });
    const socket = await rawConnection(await listenOnLoopback(app));
    socket.write('GET /slow-setup HTTP/1.1\r\nHost: test\r\n\r\n');
    await until(() => endings.has('early'), 'the first dependency');
    await within(app.close(), 'close() past the grace period');
    expect(endings.get('early')).toEqual(['setup', 'aborted:server']);
    slowSetup.resolve();
    await until(() => (endings.get('late')?.length ?? 0) > 1, 'the late dependency torn down');
    expect(endings.get('late')).toEqual(['setup', 'aborted:server']);
    socket.destroy();
  });

  it('a grace period of 0 aborts running requests at once; Infinity waits for them', async () => {
    const now = buildApp({ shutdown: 0 });
    const socket = await rawConnection(await listenOnLoopback(now));
    socket.write('GET /slow HTTP/1.1\r\nHost: test\r\n\r\n');
    await within(entered.promise, 'the handler starting');
    await within(now.close(), 'close()');
    expect(endings.get('slow')).toEqual(['setup', 'aborted:server']);

    endings = new Map();
    entered = deferred();
    gate = deferred();
    const patient = buildApp({ shutdown: Infinity });
    const answer = exchange(await listenOnLoopback(patient), httpRequest('GET', '/slow'));
    await within(entered.promise, 'the handler starting');
    let closed = false;
    const closing = patient.close().then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(false);
    gate.resolve();
    expect((await answer).status).toBe(200);
    await within(closing, 'close()');
    expect(endings.get('slow')).toEqual(['setup', 'completed']);
  });
});

describe('SIGTERM with a request in flight', () => {
  it('answers it, runs its teardown, stops the lifespan, then ends the process with 0', async () => {
    // Plain JavaScript, decorated by hand: a child process that serves one slow route.
    const script = `
      const { Controller, createApp, Depends, Get } = require('@deft/core');
      async function* resource() { try { yield 'r'; console.log('teardown: completed'); } catch (e) { console.log('teardown: ' + e.name); throw e; } }
      class Slow { async slow() { console.log('handler running'); await new Promise((r) => setTimeout(r, 300)); return { done: true }; } }
      Reflect.defineMetadata('design:paramtypes', [], Slow.prototype, 'slow');
      Get('/slow', { dependencies: [Depends(resource)] })(Slow.prototype, 'slow', Object.getOwnPropertyDescriptor(Slow.prototype, 'slow'));
      Controller()(Slow);
      const app = createApp({ controllers: [Slow], timeouts: { shutdown: 5000 }, fastify: { logger: false },
        lifespan: { start: () => undefined, stop: () => console.log('lifespan stop') } });
      app.listen({ port: 0 }).then(() => console.log('listening ' + app.fastify.server.address().port));
    `;
    const child = spawn(process.execPath, ['-r', 'reflect-metadata', '-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await until(() => /listening \d+/.test(output), 'the app listening', 10000);
    const port = Number(/listening (\d+)/.exec(output)![1]);
    const answer = exchange(port, httpRequest('GET', '/slow'), 10000);
    await until(() => output.includes('handler running'), 'the handler running', 5000);
    child.kill('SIGTERM');
    const res = await answer;
    expect([res.status, res.json]).toEqual([200, { done: true }]);
    expect(await within(exited, 'the process ending', 10000)).toBe(0);
    expect(output.trim().split('\n').slice(1)).toEqual(['handler running', 'teardown: completed', 'lifespan stop']);
  });
});
