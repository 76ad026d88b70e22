import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { BackgroundTasks, Controller, createApp, DeftError, Depends, Get, RequestContext, type DeftApp } from '@deft/core';
import { TestClient } from '@deft/testing';
import { within } from '../support/lifecycle';

const quiet = { fastify: { logger: false } } as const;

describe('lifespan: code around the app\'s life', () => {
  it('starts before the first request, hands its state to the requests, and stops at close() after everything else the app holds', async () => {
    const events: string[] = [];
    async function* database(app: DeftApp) {
      events.push(`database open (state so far: ${JSON.stringify(app.state)})`);
      yield { db: 'connection' };
      events.push('database closed');
    }
    const cache = async function* cache() {
      events.push('cache made');
      yield 'cache';
      events.push('cache dropped');
    };
    const session = async function* session() {
      yield 'session';
      events.push('session ended');
    };
    @Controller()
    class C {
      @Get('/')
      read(@Depends(cache, { scope: 'app' }) c: string, @Depends(session) _s: string, context: RequestContext, tasks: BackgroundTasks) {
        tasks.addTask(() => events.push('task'));
        return { c, db: context.state.db };
      }
    }
    const app = createApp({ controllers: [C], lifespan: database, ...quiet });
    expect(events).toEqual([]);
    await app.ready();
    expect(events).toEqual(['database open (state so far: {})', 'cache made']);
    expect(app.state).toEqual({ db: 'connection' });
    expect((await new TestClient(app).get('/')).json()).toEqual({ c: 'cache', db: 'connection' });
    await app.close();
    expect(events).toEqual(['database open (state so far: {})', 'cache made', 'task', 'session ended', 'cache dropped', 'database closed']);
  });

  it('runs several lifespans in order, generators and { start, stop } hooks alike, and stops them in reverse', async () => {
    const events: string[] = [];
    const hooks = { start: () => events.push('hooks start'), stop: () => events.push('hooks stop') };
    async function* generator() {
      events.push('generator start');
      yield;
      events.push('generator stop');
    }
    const app = createApp({ lifespan: [hooks, generator], ...quiet });
    await app.ready();
    await app.close();
    expect(events).toEqual(['hooks start', 'generator start', 'generator stop', 'hooks stop']);
  });

  it('fails the start with the original error as cause, and stops what had started, in reverse', async () => {
    const events: string[] = [];
    const original = new Error('the database is down');
    const first = { start: () => events.push('first start'), stop: () => events.push('first stop') };
    async function* second() {
      events.push('second start');
      yield;
      events.push('second stop');
    }
    const third = {
      start: () => {
        throw original;
      },
      stop: () => events.push('third stop'),
    };
    const fourth = { start: () => events.push('fourth start') };
    const app = createApp({ lifespan: [first, second, third, fourth], ...quiet });
    const error = await app.ready().then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(DeftError);
    expect((error as DeftError).code).toBe('DEFT_ERR_STARTUP_FAILED');
    expect((error as DeftError).message).toContain('the lifespan #3 failed: the database is down');
    expect((error as DeftError).cause).toBe(original);
    expect(events).toEqual(['first start', 'second start', 'second stop', 'first stop']);
  });

  it('makes app-scoped dependencies when the app starts, and fails the start when one cannot be made', async () => {
    let made = 0;
    const model = () => ({ id: ++made });
    const broken = () => {
      throw new Error('no model file');
    };
    @Controller()
    class Good {
      @Get('/')
      read(@Depends(model, { scope: 'app' }) m: { id: number }) {
        return m;
      }
    }
    @Controller()
    class Bad {
      @Get('/')
      read(@Depends(broken, { scope: 'app' }) m: unknown) {
        return m;
      }
    }
    const good = createApp({ controllers: [Good], ...quiet });
    await good.ready();
    expect(made).toBe(1);
    expect((await new TestClient(good).get('/')).json()).toEqual({ id: 1 });
    await good.close();
    const bad = createApp({ controllers: [Bad], ...quiet });
    await expect(bad.ready()).rejects.toThrow('The app could not start: the app-scoped dependency broken() failed: no model file');
  });

  it('is run and stopped by a TestClient used as a disposable', async () => {
    const events: string[] = [];
    const app = createApp({ lifespan: { start: () => events.push('start'), stop: () => events.push('stop') }, ...quiet });
    {
      await using client = await new TestClient(app).start();
      expect(events).toEqual(['start']);
      expect((await client.get('/nowhere')).status).toBe(404);
    }
    expect(events).toEqual(['start', 'stop']);
  });

  it('stops on SIGTERM when the app listens, then ends the process', async () => {
    const script = `
      const { createApp } = require('@deft/core');
      const app = createApp({ fastify: { logger: false }, lifespan: { start: () => console.log('started'), stop: () => console.log('stopped') } });
      app.listen({ port: 0 }).then(() => console.log('listening'));
    `;
    const child = spawn(process.execPath, ['-r', 'reflect-metadata', '-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const listening = new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('listening')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await within(listening, 'the app listening', 10000);
    child.kill('SIGTERM');
    expect(await within(exited, 'the process ending', 10000)).toBe(0);
    expect(output.trim().split('\n')).toEqual(['started', 'listening', 'stopped']);
  });
});
