import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { Controller, createApp, Get, type AppOptions } from '@deft/core';
import { TestClient } from '@deft/testing';

@Controller()
class Endpoints {
  @Get('/ping')
  ping() {
    return { pong: true };
  }
}

const appWith = (options: Partial<AppOptions>) => createApp({ controllers: [Endpoints], fastify: { logger: false }, ...options });
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Keeps the event loop busy, as a CPU-bound handler (or a long synchronous JSON.parse) would. */
function blockEventLoop(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy
  }
}

describe('loadShedding: while the event loop lags past the threshold, new requests get a JSON 503 with Retry-After', () => {
  it('refuses requests while the lag is over the threshold, and answers them again once it has passed', async () => {
    const app = appWith({ loadShedding: { maxEventLoopDelay: 100, sampleInterval: 200, retryAfter: 7 } });
    const client = new TestClient(app);
    expect((await client.get('/ping')).status).toBe(200);
    let shed: Awaited<ReturnType<TestClient['get']>> | undefined;
    // The lag is sampled every 200 ms: block the loop, let the sampler see it, then ask (a few tries on a busy machine).
    for (let attempt = 0; attempt < 5 && shed === undefined; attempt++) {
      blockEventLoop(600);
      await pause(5);
      const res = await client.get('/ping');
      if (res.status === 503) shed = res;
    }
    expect(shed).toBeDefined();
    expect([shed!.status, shed!.headers['retry-after'], shed!.headers['content-type'], shed!.json()]).toEqual([
      503,
      '7',
      'application/json; charset=utf-8',
      { detail: 'Service Unavailable: the server is overloaded' },
    ]);
    let recovered = false;
    for (let attempt = 0; attempt < 50 && !recovered; attempt++) {
      await pause(50);
      recovered = (await client.get('/ping')).status === 200;
    }
    expect(recovered).toBe(true);
    await app.close();
  });

  it('a memory threshold sheds load too (here one every process is over)', async () => {
    const app = appWith({ loadShedding: { maxRssBytes: 1, sampleInterval: 10 } });
    const client = new TestClient(app);
    let status = 200;
    for (let attempt = 0; attempt < 100 && status !== 503; attempt++) {
      await pause(10);
      status = (await client.get('/ping')).status;
    }
    const res = await client.get('/ping');
    expect([res.status, res.headers['retry-after'], res.json()]).toEqual([503, '10', { detail: 'Service Unavailable: the server is overloaded' }]);
    await app.close();
  });

  it('refuses a threshold out of range, or an option it does not have, at start-up', () => {
    expect(() => appWith({ loadShedding: { maxEventLoopDelay: -1 } })).toThrow(
      'DEFT_ERR_OPTIONS_INVALID: createApp() got loadShedding.maxEventLoopDelay: -1; it is a number of at least 0 (0 turns a threshold off).',
    );
    expect(() => appWith({ loadShedding: { maxEventLoopUtilization: 2 } })).toThrow('a utilization is between 0 and 1');
    expect(() => appWith({ loadShedding: { maxLag: 5 } as never })).toThrow('createApp() got loadShedding.maxLag, which is not one of its options');
  });
});

describe('rateLimit: a client over its quota gets a JSON 429 with Retry-After', () => {
  it('answers the first requests of the window and refuses the next with the time to wait', async () => {
    const app = appWith({ rateLimit: { max: 2, timeWindow: '1 minute' } });
    const client = new TestClient(app);
    const first = await client.get('/ping');
    expect([first.status, first.headers['x-ratelimit-limit'], first.headers['x-ratelimit-remaining']]).toEqual([200, '2', '1']);
    expect((await client.get('/ping')).status).toBe(200);
    const refused = await client.get('/ping');
    expect([refused.status, refused.headers['retry-after'], refused.headers['x-ratelimit-remaining'], refused.json()]).toEqual([
      429,
      '60',
      '0',
      { detail: 'Rate limit exceeded, retry in 1 minute' },
    ]);
    await app.close();
  });

  it('counts each client apart (by keyGenerator, here a header), and bans with 403 past `ban` more', async () => {
    const app = appWith({ rateLimit: { max: 1, timeWindow: 60_000, ban: 1, keyGenerator: (request) => String(request.headers['x-client']) } });
    const client = new TestClient(app);
    const as = (name: string) => client.get('/ping', { headers: { 'x-client': name } });
    expect([(await as('a')).status, (await as('b')).status, (await as('a')).status]).toEqual([200, 200, 429]);
    const banned = await as('a');
    expect([banned.status, banned.json()]).toEqual([403, { detail: 'Forbidden: too many requests over the rate limit' }]);
    await app.close();
  });

  it('true takes @fastify/rate-limit defaults: 1000 requests a minute', async () => {
    const app = appWith({ rateLimit: true });
    const res = await new TestClient(app).get('/ping');
    expect([res.status, res.headers['x-ratelimit-limit']]).toEqual([200, '1000']);
    await app.close();
  });
});

describe('an app that enables neither pays nothing for them', () => {
  it('never loads @fastify/under-pressure or @fastify/rate-limit, and adds no header', async () => {
    const res = await new TestClient(appWith({})).get('/ping');
    expect(res.headers['x-ratelimit-limit']).toBeUndefined();
    // In a process of its own (jest's module registry is not Node's): what a plain app has loaded once it answered.
    const script = `
      require('reflect-metadata');
      const { createApp } = require('@deft/core');
      const app = createApp({ controllers: [] });
      app.fastify.inject({ url: '/openapi.json' }).then(() => {
        const loaded = Object.keys(require.cache).filter((file) => /node_modules\\/@fastify\\/(under-pressure|rate-limit)\\//.test(file));
        process.stdout.write(JSON.stringify(loaded));
        return app.close();
      });`;
    expect(JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: __dirname, encoding: 'utf8' }))).toEqual([]);
  });
});
