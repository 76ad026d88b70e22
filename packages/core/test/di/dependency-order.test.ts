import 'reflect-metadata';
import { Controller, createApp, defineDependency, Depends, Get, Header, HTTPException, Query, Body, Post } from '@deft/core';
import { TestClient } from '@deft/testing';
import { IsString } from 'class-validator';

const quiet = { fastify: { logger: false } } as const;

describe('resolution order and errors', () => {
  it('runs app, controller and route dependencies, then parameters left to right, sub-dependencies first; their values are discarded', async () => {
    const events: string[] = [];
    const track = (name: string, value: unknown = name) => {
      const fn = () => {
        events.push(name);
        return value;
      };
      Object.defineProperty(fn, 'name', { value: name });
      return fn;
    };
    const sub = track('sub_dep');
    const paramWithSub = defineDependency({ s: Depends(sub) }, ({ s }) => {
      events.push('param_with_sub');
      return `with ${String(s)}`;
    });
    @Controller('/c', { dependencies: [Depends(track('controller_dep'))] })
    class C {
      @Get('/', { dependencies: [track('route_dep')] })
      read(@Depends(track('param_dep')) a: string, @Depends(paramWithSub) b: string) {
        events.push('endpoint');
        return { a, b };
      }
    }
    const client = new TestClient(createApp({ controllers: [C], dependencies: [Depends(track('app_dep'))], ...quiet }));
    expect((await client.get('/c/')).json()).toEqual({ a: 'param_dep', b: 'with sub_dep' });
    expect(events).toEqual(['app_dep', 'controller_dep', 'route_dep', 'param_dep', 'sub_dep', 'param_with_sub', 'endpoint']);
  });

  it('validates a dependency whose sub-dependency failed no further, but still runs its siblings and reports every error once at the end', async () => {
    const called: string[] = [];
    const needsQ = defineDependency({ q: Query('q') }, ({ q }) => {
      called.push('needsQ');
      return q;
    });
    const usesNeedsQ = defineDependency({ v: Depends(needsQ), h: Header('x-h') }, ({ v }) => {
      called.push('usesNeedsQ');
      return v;
    });
    const sibling = () => {
      called.push('sibling');
      return 1;
    };
    @Controller()
    class C {
      @Get('/a')
      a(@Depends(usesNeedsQ) _v: string, @Depends(sibling) _s: number, @Query('own') _own: string) {
        called.push('endpoint');
        return {};
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    const res = await client.get('/a');
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({
      detail: [
        { type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null },
        { type: 'missing', loc: ['header', 'x-h'], msg: 'Field required', input: null },
        { type: 'missing', loc: ['query', 'own'], msg: 'Field required', input: null },
      ],
    });
    expect(called).toEqual(['sibling']);
  });

  it('lets an exception (a 401) abort at once, even when earlier inputs failed', async () => {
    const needsQ = defineDependency({ q: Query('q') }, ({ q }) => q);
    const auth = () => {
      throw new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' });
    };
    @Controller()
    class C {
      @Get('/a')
      a(@Depends(needsQ) _x: string, @Depends(auth) _t: string, @Query('own') _own: string) {
        return {};
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    const res = await client.get('/a');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });

  it('reports malformed JSON before any dependency runs, and body errors only after dependencies', async () => {
    class Item {
      @IsString() name!: string;
    }
    let authCalls = 0;
    const auth = defineDependency({ token: Header('authorization', { required: false }) }, ({ token }) => {
      authCalls++;
      if (!token) throw new HTTPException(401, 'Not authenticated');
      return token;
    });
    @Controller()
    class C {
      @Post('/b')
      b(@Body() item: Item, @Depends(auth) _token: string) {
        return item;
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    const broken = await client.post('/b', { body: '{', headers: { 'content-type': 'application/json' } });
    expect(broken.status).toBe(422);
    expect(broken.json()).toEqual({
      detail: [{ type: 'json_invalid', loc: ['body', 1], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting property name enclosed in double quotes' } }],
    });
    expect(authCalls).toBe(0);
    expect((await client.post('/b', { json: {} })).status).toBe(401);
    expect((await client.post('/b', { json: {}, headers: { authorization: 'x' } })).json()).toEqual({
      detail: [{ type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: {} }],
    });
  });

  it('does not de-duplicate errors of a dependency used several times', async () => {
    const common = defineDependency({ q: Query('q', { type: Number }) }, ({ q }) => q);
    const a = defineDependency({ v: Depends(common) }, ({ v }) => v);
    const b = defineDependency({ v: Depends(common) }, ({ v }) => v);
    @Controller()
    class C {
      @Get('/')
      read(@Depends(a) _a: number, @Depends(b) _b: number, @Depends(common) _c: number, @Query('q', { type: Number }) _q: number) {
        return {};
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    const missing = { type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null };
    expect((await client.get('/')).json()).toEqual({ detail: [missing, missing, missing, missing] });
  });
});
