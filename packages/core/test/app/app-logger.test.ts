import 'reflect-metadata';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { Controller, createApp, DeftError, Get, RequestContext, type AppOptions, type DeftApp } from '@deft/core';
import { TestClient } from '@deft/testing';
import { loggedApp } from '../support/logged-app';

@Controller()
class Logged {
  @Get('/hello')
  hello() {
    return { hello: 'world' };
  }

  @Get('/broken')
  broken(): never {
    throw new Error('the disk is full');
  }

  @Get('/who')
  who(context: RequestContext) {
    context.request.log.warn({ req: context.request }, 'who asked');
    return null;
  }
}

interface Line {
  level: number;
  msg: string;
  reqId?: string;
  err?: { type: string; message: string; stack: string };
  req?: Record<string, unknown>;
  res?: { statusCode: number };
  responseTime?: number;
}


/** What `read` gives once it holds two lines, polled for up to `ms`. */
async function within(ms: number, read: () => string[]): Promise<string[]> {
  const until = Date.now() + ms;
  for (;;) {
    const lines = read();
    if (lines.length >= 2 || Date.now() > until) return lines;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** How many `finish` listeners a response has while it is sent: Fastify adds one of its own for an app whose logger it made. */
async function finishListeners(app: DeftApp): Promise<number> {
  let count = -1;
  app.fastify.addHook('onSend', (_request, reply, payload, done) => {
    count = reply.raw.listenerCount('finish');
    done(null, payload);
  });
  expect((await new TestClient(app).get('/hello')).status).toBe(200);
  return count;
}

describe("the app's logger", () => {
  it('at warn and above, adds nothing to a response, where at info Fastify listens for the end of each', async () => {
    const quiet = await finishListeners(loggedApp<Line>([Logged], { level: 'warn' }).app);
    const talkative = await finishListeners(loggedApp<Line>([Logged], { level: 'info' }).app);
    expect(talkative).toBe(quiet + 1);
    // Deft's default is the quiet one.
    expect(await finishListeners(createApp({ controllers: [Logged] }))).toBe(quiet);
  });

  it("writes a 500's error with the request id, the error's type, message and stack", async () => {
    const { client, lines } = loggedApp<Line>([Logged], { level: 'warn' });
    expect((await client.get('/broken')).status).toBe(500);
    const logged = lines.find((line) => line.err?.message === 'the disk is full');
    expect(logged).toMatchObject({ level: 50, reqId: expect.stringMatching(/^req-/) as unknown, err: { type: 'Error' } });
    expect(logged!.err!.stack).toContain('the disk is full');
  });

  it('shows a request logged by a handler as Fastify does: method, url, version, host and remote address', async () => {
    const { client, lines } = loggedApp<Line>([Logged], { level: 'warn' });
    await client.get('/who', { headers: { 'accept-version': '2' } });
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'who asked',
        req: { method: 'GET', url: '/who', version: '2', host: 'localhost:80', remoteAddress: '127.0.0.1' },
      }),
    ]);
  });

  it('is `fastify.log`, which writes where the options say, a file among them', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'deft-log-')), 'app.log');
    const app = createApp({ controllers: [Logged], fastify: { logger: { level: 'warn', file } } });
    app.fastify.log.warn('from the app');
    expect((await new TestClient(app).get('/broken')).status).toBe(500);
    await app.close();
    // pino writes a file asynchronously, as Fastify's logger does.
    const written = await within(2000, () => readFileSync(file, 'utf8').trim().split('\n').filter(Boolean));
    expect(written.map((line) => (JSON.parse(line) as Line).msg)).toEqual(['from the app', 'Unhandled error while handling the request']);
  });

  it("at info, leaves the logger to Fastify: its lines of each request are written as they always are", async () => {
    const { client, lines } = loggedApp<Line>([Logged], { level: 'info' });
    await client.get('/hello');
    expect(lines.map((line) => line.msg)).toEqual(['incoming request', 'request completed']);
    expect(lines[1]).toMatchObject({ res: { statusCode: 200 }, responseTime: expect.any(Number) as unknown });
  });

  it("lowered to info later, writes Fastify's incoming request line and not its request completed one", async () => {
    const { app, client, lines } = loggedApp<Line>([Logged], { level: 'warn' });
    await app.ready();
    app.fastify.log.level = 'info';
    await client.get('/hello');
    expect(lines.map((line) => line.msg)).toEqual(['incoming request']);
  });

  it("writes through a pino instance of the app's own, which Fastify wraps as it always does", async () => {
    const lines: Line[] = [];
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(JSON.parse(String(chunk)) as Line);
        callback();
      },
    });
    const app = createApp({ controllers: [Logged], fastify: { loggerInstance: pino({ level: 'warn' }, stream) } });
    expect((await new TestClient(app).get('/broken')).status).toBe(500);
    expect(lines.map((line) => [line.level, line.err?.message, typeof line.reqId])).toEqual([[50, 'the disk is full', 'string']]);
  });

  it('refuses a stream and a file at once, saying to give one', () => {
    const both = () => createApp({ controllers: [Logged], fastify: { logger: { level: 'warn', file: '/tmp/x.log', stream: process.stdout } } as AppOptions['fastify'] });
    expect(both).toThrow(DeftError);
    expect(both).toThrow('fastify.logger has both a stream and a file: give one of them.');
  });
});
