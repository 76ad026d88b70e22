import 'reflect-metadata';
import { Writable } from 'node:stream';
import { Controller, createApp, Get, HTTPException, RequestContext, type DeftApp } from '@deft/core';
import { TestClient } from '@deft/testing';

@Controller()
class Items {
  static handled = 0;
  static lastContext: RequestContext | undefined;
  @Get('/items/')
  list(context: RequestContext) {
    Items.handled++;
    Items.lastContext = context;
    return { items: [], seenByHandler: context.header('x-seen-by-middleware') ?? null };
  }
  @Get('/later')
  async later() {
    await new Promise((resolve) => setImmediate(resolve));
    return { later: true };
  }
  @Get('/missing')
  missing() {
    throw new HTTPException(404, 'Item not found');
  }
}

function appWith(logLines?: string[]): DeftApp {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines?.push(chunk.toString());
      done();
    },
  });
  return createApp({ controllers: [Items], fastify: logLines ? { logger: { level: 'error', stream } } : { logger: false } });
}

describe("app.middleware: FastAPI's HTTP middleware", () => {
  it('reads the request, times it, and changes the response on its way out', async () => {
    const app = appWith();
    app.middleware(async (ctx, callNext) => {
      const started = performance.now();
      const response = await callNext();
      response.headers.set('x-process-time', String(performance.now() - started));
      response.headers.set('x-path', `${ctx.method} ${ctx.url}`);
      return response;
    });
    const res = await new TestClient(app).get('/items/');
    expect(res.json()).toEqual({ items: [], seenByHandler: null });
    expect(Number(res.headers['x-process-time'])).toBeGreaterThanOrEqual(0);
    expect(res.headers['x-path']).toBe('GET /items/');
  });

  it('hands on the whole body of an asynchronous handler', async () => {
    const app = appWith();
    app.middleware(async (_ctx, callNext) => callNext());
    const res = await new TestClient(app).get('/later');
    expect([res.status, res.json()]).toEqual([200, { later: true }]);
  });

  it('answers early with its own Response: the handler never runs', async () => {
    const app = appWith();
    app.middleware(async (ctx, callNext) => {
      if (ctx.header('authorization') === undefined) {
        return new Response(JSON.stringify({ detail: 'No credentials' }), { status: 401, headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' } });
      }
      return callNext();
    });
    const client = new TestClient(app);
    const before = Items.handled;
    const refused = await client.get('/items/');
    expect([refused.status, refused.headers['www-authenticate'], refused.json()]).toEqual([401, 'Bearer', { detail: 'No credentials' }]);
    expect(Items.handled).toBe(before);
    expect((await client.get('/items/', { headers: { authorization: 'Bearer x' } })).status).toBe(200);
    expect(Items.handled).toBe(before + 1);
  });

  it('runs the last one added outermost, as FastAPI does, and lets one replace the response', async () => {
    const events: string[] = [];
    const app = appWith();
    app.middleware(async (_ctx, callNext) => {
      events.push('inner before');
      const response = await callNext();
      events.push(`inner after ${response.statusCode}`);
      return new Response('replaced', { status: 203, headers: { 'content-type': 'text/plain' } });
    });
    app.middleware(async (_ctx, callNext) => {
      events.push('outer before');
      const response = await callNext();
      events.push(`outer after ${response.statusCode}`);
      response.headers.set('x-outer', 'yes');
      return response;
    });
    const res = await new TestClient(app).get('/items/');
    expect([res.status, res.text, res.headers['x-outer'], res.headers['content-type']]).toEqual([203, 'replaced', 'yes', 'text/plain']);
    expect(events).toEqual(['outer before', 'inner before', 'inner after 200', 'outer after 203']);
  });

  it('sees error responses and unmatched routes too', async () => {
    const seen: number[] = [];
    const app = appWith();
    app.middleware(async (_ctx, callNext) => {
      const response = await callNext();
      seen.push(response.statusCode);
      return response;
    });
    const client = new TestClient(app);
    expect((await client.get('/missing')).json()).toEqual({ detail: 'Item not found' });
    expect((await client.get('/nowhere')).status).toBe(404);
    expect(seen).toEqual([404, 404]);
  });

  it('shares the request with the handler: the same context, and what it sets before callNext() is part of the response', async () => {
    const app = appWith();
    let middlewareContext: RequestContext | undefined;
    app.middleware(async (ctx, callNext) => {
      middlewareContext = ctx;
      ctx.setHeader('x-from-middleware', '1');
      return callNext();
    });
    const res = await new TestClient(app).get('/items/', { headers: { 'x-seen-by-middleware': 'sent' } });
    expect(res.headers['x-from-middleware']).toBe('1');
    expect(res.json()).toEqual({ items: [], seenByHandler: 'sent' });
    expect(Items.lastContext).toBeDefined();
    expect(Items.lastContext).toBe(middlewareContext);
  });

  it('renders what a middleware throws through the error handlers: a 500 without details, or the HTTPException it raised', async () => {
    const lines: string[] = [];
    const app = appWith(lines);
    app.middleware(async (ctx, callNext) => {
      if (ctx.url === '/items/?before') throw new Error('secret failure at /srv/app/middleware.ts');
      if (ctx.url === '/items/?teapot') throw new HTTPException(418, "I'm a teapot");
      const response = await callNext();
      if (ctx.url === '/items/?after') throw new Error('failed on the way out');
      return response;
    });
    const client = new TestClient(app);
    for (const query of ['before', 'after']) {
      const res = await client.get(`/items/?${query}`);
      expect([res.status, res.text]).toEqual([500, '{"detail":"Internal Server Error"}']);
    }
    expect((await client.get('/items/?teapot')).json()).toEqual({ detail: "I'm a teapot" });
    expect(lines.join('')).toContain('secret failure at /srv/app/middleware.ts');
    expect((await client.get('/items/')).status).toBe(200);
  });

  it('renders what a synchronous middleware throws before returning, outermost or inner: the handler never runs', async () => {
    for (const throwsAt of ['outer', 'inner']) {
      const app = appWith();
      app.middleware((ctx, callNext) => {
        if (throwsAt === 'inner' && ctx.url === '/items/?teapot') throw new HTTPException(418, "I'm a teapot");
        return callNext();
      });
      app.middleware((ctx, callNext) => {
        if (throwsAt === 'outer' && ctx.url === '/items/?teapot') throw new HTTPException(418, "I'm a teapot");
        return callNext();
      });
      const client = new TestClient(app);
      const handled = Items.handled;
      const res = await client.get('/items/?teapot');
      expect([throwsAt, res.status, res.json()]).toEqual([throwsAt, 418, { detail: "I'm a teapot" }]);
      expect(Items.handled).toBe(handled);
      expect((await client.get('/items/')).status).toBe(200);
    }
  });

  it('may answer with its own Response after callNext() without waiting for the app: its answer is sent once the app is done', async () => {
    const app = appWith();
    app.middleware((_ctx, callNext) => {
      void callNext();
      return new Response('{"replaced":true}', { status: 202, headers: { 'content-type': 'application/json' } });
    });
    const client = new TestClient(app);
    // The slow handler answers after the middleware has; the fast one, before.
    for (const path of ['/later', '/items/']) {
      const res = await client.get(path);
      expect([res.status, res.json()]).toEqual([202, { replaced: true }]);
    }
  });

  it('a synchronous middleware, and an inner one returning nothing: the outer one gets the app\'s response', async () => {
    const app = appWith();
    const seen: number[] = [];
    app.middleware((_ctx, callNext) => callNext().then(() => undefined));
    app.middleware(async (_ctx, callNext) => {
      const response = await callNext();
      seen.push(response.statusCode);
      response.headers.set('x-outer', 'yes');
      return response;
    });
    const res = await new TestClient(app).get('/later');
    expect([res.status, res.headers['x-outer'], res.json()]).toEqual([200, 'yes', { later: true }]);
    expect(seen).toEqual([200]);
  });

  it("an outer one returning nothing answers with what the inner one's Response replaced the app's with", async () => {
    const app = appWith();
    app.middleware(async (_ctx, callNext) => {
      await callNext();
      return new Response('replaced by the inner one', { status: 202, headers: { 'content-type': 'text/plain' } });
    });
    app.middleware(async (_ctx, callNext) => {
      await callNext();
    });
    const res = await new TestClient(app).get('/items/');
    expect([res.status, res.text, res.headers['content-type']]).toEqual([202, 'replaced by the inner one', 'text/plain']);
  });

  it('returning something that is not a response is a 500 that says what to return, before or after callNext()', async () => {
    const lines: string[] = [];
    const app = appWith(lines);
    app.middleware(async (ctx, callNext) => {
      if (ctx.url === '/items/?early') return 42 as never;
      await callNext();
      return 'text' as never;
    });
    const client = new TestClient(app);
    for (const query of ['early', 'late']) {
      const res = await client.get(`/items/?${query}`);
      expect([res.status, res.text]).toEqual([500, '{"detail":"Internal Server Error"}']);
    }
    expect(lines.join('')).toContain('A middleware returned without calling callNext() and without a Response to answer with');
    expect(lines.join('')).toContain('A middleware returned string: return the response callNext() gave it');
  });
});
