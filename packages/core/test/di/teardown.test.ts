import 'reflect-metadata';
import { Writable } from 'node:stream';
import { BackgroundTasks, Controller, createApp, defineDependency, Depends, Get, HTTPException, Query, RequestContext } from '@deft/core';
import { TestClient } from '@deft/testing';
import { deferred, within } from '../support/lifecycle';

class MyError extends Error {}

/** Collects pino's JSON lines so tests can assert what was logged. */
function logSink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: { level: 'error', stream } };
}

function describeError(error: unknown): string {
  if (error instanceof HTTPException) return `HTTPException:${error.statusCode}:${String(error.detail)}`;
  return `${(error as Error).constructor.name}:${(error as Error).message}`;
}

function tracked(events: string[], name: string, done?: () => void) {
  return async function* () {
    events.push(`${name}:enter`);
    try {
      yield name;
    } catch (error) {
      events.push(`${name}:except ${describeError(error)}`);
      throw error;
    } finally {
      events.push(`${name}:exit`);
      done?.();
    }
  };
}

describe('teardown of dependencies that hold resources', () => {
  it('runs after the response is sent and after background tasks, in reverse order', async () => {
    const events: string[] = [];
    const finished = deferred();
    const gate = deferred();
    const a = tracked(events, 'a', finished.resolve);
    const b = defineDependency({ a: Depends(a) }, async function* ({ a }) {
      events.push(`b:enter(${a})`);
      yield 'b';
      events.push('b:exit');
    });
    @Controller()
    class C {
      @Get('/')
      read(@Depends(b) value: string, tasks: BackgroundTasks) {
        events.push('endpoint');
        tasks.addTask(async () => {
          await gate.promise;
          events.push('background');
        });
        return { value };
      }
    }
    const client = new TestClient(createApp({ controllers: [C], fastify: { logger: false } }));
    const res = await client.get('/');
    expect(res.json()).toEqual({ value: 'b' });
    expect(events).toEqual(['a:enter', 'b:enter(a)', 'endpoint']);
    gate.resolve();
    await within(finished.promise, 'the teardown');
    expect(events).toEqual(['a:enter', 'b:enter(a)', 'endpoint', 'background', 'b:exit', 'a:exit']);
  });

  it('throws the handler\'s exception into each generator at its yield, innermost first, before the error response', async () => {
    const events: string[] = [];
    const a = tracked(events, 'a');
    const b = defineDependency({ a: Depends(a) }, tracked(events, 'b'));
    @Controller()
    class C {
      @Get('/teapot')
      teapot(@Depends(b) _b: string) {
        events.push('endpoint');
        throw new HTTPException(418, 'teapot', { 'X-T': '1' });
      }
      @Get('/boom')
      boom(@Depends(b) _b: string) {
        events.push('endpoint');
        throw new MyError('boom');
      }
    }
    const client = new TestClient(createApp({ controllers: [C], fastify: { logger: false } }));
    const res = await client.get('/teapot');
    expect([res.status, res.headers['x-t'], res.json()]).toEqual([418, '1', { detail: 'teapot' }]);
    expect(events).toEqual([
      'a:enter',
      'b:enter',
      'endpoint',
      'b:except HTTPException:418:teapot',
      'b:exit',
      'a:except HTTPException:418:teapot',
      'a:exit',
    ]);
    events.length = 0;
    const boom = await client.get('/boom');
    expect([boom.status, boom.json()]).toEqual([500, { detail: 'Internal Server Error' }]);
    expect(events).toEqual(['a:enter', 'b:enter', 'endpoint', 'b:except MyError:boom', 'b:exit', 'a:except MyError:boom', 'a:exit']);
  });

  it('lets a generator translate the error into another response', async () => {
    const convert = async function* () {
      try {
        yield 'x';
      } catch (error) {
        throw new HTTPException(400, `converted ${(error as Error).message}`);
      }
    };
    @Controller()
    class C {
      @Get('/')
      read(@Depends(convert) _x: string) {
        throw new MyError('x');
      }
    }
    const client = new TestClient(createApp({ controllers: [C], fastify: { logger: false } }));
    const res = await client.get('/');
    expect([res.status, res.json()]).toEqual([400, { detail: 'converted x' }]);
  });

  it('answers 500 and logs what to fix when a generator swallows the exception', async () => {
    const sink = logSink();
    const swallow = async function* swallowing() {
      try {
        yield 'x';
      } catch {
        // not re-thrown
      }
    };
    @Controller()
    class C {
      @Get('/')
      read(@Depends(swallow) _x: string) {
        throw new HTTPException(404, 'gone');
      }
    }
    const client = new TestClient(createApp({ controllers: [C], fastify: { logger: sink.logger } }));
    const res = await client.get('/');
    expect([res.status, res.json()]).toEqual([500, { detail: 'Internal Server Error' }]);
    const logged = JSON.stringify(sink.lines);
    expect(logged).toContain('DEFT_ERR_DEPENDENCY_SWALLOWED_ERROR');
    expect(logged).toContain('swallowing()');
  });

  it('gives a validation error to the generators too', async () => {
    const events: string[] = [];
    @Controller()
    class C {
      @Get('/')
      read(@Depends(tracked(events, 'g')) _g: string, @Query('q') _q: string) {
        return {};
      }
    }
    const client = new TestClient(createApp({ controllers: [C], fastify: { logger: false } }));
    expect((await client.get('/')).status).toBe(422);
    expect(events).toEqual(['g:enter', 'g:except RequestValidationError:1 validation error in the request', 'g:exit']);
  });

  it('logs an error raised after the yield on success: the response was already sent', async () => {
    const sink = logSink();
    const done = deferred();
    const raiseAfter = async function* () {
      yield 'v';
      setImmediate(done.resolve);
      throw new MyError('after');
    };
    @Controller()
    class C {
      @Get('/')
      read(@Depends(raiseAfter) v: string) {
        return { v };
      }
    }
    const client = new TestClient(createApp({ controllers: [C], fastify: { logger: sink.logger } }));
    expect((await client.get('/')).json()).toEqual({ v: 'v' });
    await within(done.promise, 'the teardown');
    expect(JSON.stringify(sink.lines)).toContain('after');
  });

  it('disposes class dependencies that implement Symbol.asyncDispose or Symbol.dispose, in reverse order', async () => {
    const events: string[] = [];
    const finished = deferred();
    class Session {
      constructor() {
        events.push('session:open');
      }
      async [Symbol.asyncDispose]() {
        events.push('session:close');
        finished.resolve();
      }
    }
    class Lock {
      constructor(@Depends(Session) readonly session: Session) {
        events.push('lock:take');
      }
      [Symbol.dispose]() {
        events.push('lock:release');
      }
    }
    @Controller()
    class C {
      @Get('/')
      read(@Depends(Lock) lock: Lock) {
        return { ok: lock.session instanceof Session };
      }
    }
    const client = new TestClient(createApp({ controllers: [C], fastify: { logger: false } }));
    expect((await client.get('/')).json()).toEqual({ ok: true });
    await within(finished.promise, 'the teardown');
    expect(events).toEqual(['session:open', 'lock:take', 'lock:release', 'session:close']);
  });

  it('still tears down when the client is gone before the handler answers, and tells the teardown so', async () => {
    const events: string[] = [];
    const finished = deferred();
    @Controller()
    class C {
      @Get('/')
      read(@Depends(tracked(events, 'r', finished.resolve)) _r: string, context: RequestContext) {
        context.reply.raw.destroy();
        return {};
      }
    }
    const client = new TestClient(createApp({ controllers: [C], fastify: { logger: false } }));
    await client.get('/').catch(() => undefined);
    await within(finished.promise, 'the teardown');
    expect(events).toEqual(['r:enter', 'r:except RequestAborted:The client went away before the response was sent', 'r:exit']);
  });

  it('enters a cached generator once per request', async () => {
    const events: string[] = [];
    const finished = deferred();
    const g = tracked(events, 'g', finished.resolve);
    const user = defineDependency({ g: Depends(g) }, ({ g }) => g);
    @Controller()
    class C {
      @Get('/')
      read(@Depends(g) a: string, @Depends(user) b: string) {
        return [a, b];
      }
    }
    const client = new TestClient(createApp({ controllers: [C], fastify: { logger: false } }));
    expect((await client.get('/')).json()).toEqual(['g', 'g']);
    await within(finished.promise, 'the teardown');
    expect(events).toEqual(['g:enter', 'g:exit']);
  });

  it('accepts generator methods and sync generators as well', async () => {
    const events: string[] = [];
    const finished = deferred();
    class Connection {
      async *resolve(@Query('db', { default: 'main' }) db: string) {
        events.push(`connect ${db}`);
        yield `connection to ${db}`;
        events.push(`disconnect ${db}`);
      }
    }
    class Pool {
      *resolve(@Depends(RequestContext) context: RequestContext) {
        events.push(`acquire for ${context.method}`);
        yield 'pooled';
        events.push('release');
        finished.resolve();
      }
    }
    const pool = new Pool();
    const syncGenerator = function* () {
      yield 'sync';
    };
    @Controller()
    class C {
      @Get('/')
      read(@Depends(Connection) connection: string, @Depends(pool) pooled: string, @Depends(syncGenerator) sync: string) {
        return [connection, pooled, sync];
      }
    }
    const client = new TestClient(createApp({ controllers: [C], fastify: { logger: false } }));
    expect((await client.get('/')).json()).toEqual(['connection to main', 'pooled', 'sync']);
    await within(finished.promise, 'the teardown');
    expect(events).toEqual(['connect main', 'acquire for GET', 'release', 'disconnect main']);
  });
});

