import 'reflect-metadata';
import { ApiRoute, Controller, createApp, DeftError, Depends, Get, HTTPException, include, Path, Router } from '@deft/core';
import { TestClient } from '@deft/testing';
import { deftErrorOf } from '../support/client';

const quiet = { fastify: { logger: false } } as const;

describe('routers included into each other', () => {
  const events: string[] = [];
  const step = (name: string) => {
    const dependency = () => {
      events.push(name);
    };
    Object.defineProperty(dependency, 'name', { value: name });
    return Depends(dependency);
  };

  @Controller('/items', { tags: ['items'], dependencies: [step('controller')] })
  class ItemsController {
    @Get('/{item_id}', { tags: ['read'], dependencies: [step('route')], responses: { 404: { description: 'No such item' } } })
    read(@Path('item_id') _itemId: string) {
      events.push('handler');
      return { ok: true };
    }
    @Get('/', { includeInSchema: false })
    hidden() {
      return [];
    }
  }

  @Router({ prefix: '/shop', tags: ['shop'], dependencies: [step('shop router')], responses: { 404: { description: 'Not in the shop' }, 418: { description: 'Teapot' } }, controllers: [ItemsController] })
  class ShopRouter {}

  @Router({ prefix: '/api', dependencies: [step('api router')], routers: [include(ShopRouter, { prefix: '/v1', tags: ['v1'], dependencies: [step('include site')], deprecated: true })] })
  class ApiRouter {}

  const app = createApp({ routers: [ApiRouter, include(ShopRouter, { prefix: '/legacy', includeInSchema: false })], dependencies: [step('app')], ...quiet });
  const client = new TestClient(app);

  it('joins prefixes to any depth, and serves a router included twice under each prefix', async () => {
    expect((await client.get('/api/v1/shop/items/1')).status).toBe(200);
    expect((await client.get('/legacy/shop/items/1')).status).toBe(200);
    expect((await client.get('/shop/items/1')).status).toBe(404);
  });

  it('runs dependencies outermost first: app, each router and include site, controller, route', async () => {
    events.length = 0;
    await client.get('/api/v1/shop/items/1');
    expect(events).toEqual(['app', 'api router', 'include site', 'shop router', 'controller', 'route', 'handler']);
  });

  it('merges tags, responses, deprecated and includeInSchema as FastAPI does', () => {
    const document = app.openapi();
    expect(Object.keys(document.paths)).toEqual(['/api/v1/shop/items/{item_id}']);
    const operation = document.paths['/api/v1/shop/items/{item_id}']!.get!;
    expect(operation.tags).toEqual(['v1', 'shop', 'items', 'read']);
    expect(operation.deprecated).toBe(true);
    expect(Object.keys(operation.responses)).toEqual(['200', '404', '418', '422']);
    expect(operation.responses['404']).toEqual({ description: 'No such item' });
    expect(operation.responses['418']).toEqual({ description: 'Teapot' });
  });

  it('refuses a router that includes itself, a class that is no router, and a router listed as a controller', () => {
    @Router()
    class Loop {}
    @Router({ routers: [Loop] })
    class Outer {}
    // Declared after Outer, so it can name it: Loop includes Outer, which includes Loop.
    Router({ routers: [Outer] })(Loop);
    const cycle = deftErrorOf(() => createApp({ routers: [Outer], ...quiet }));
    expect(cycle.code).toBe('DEFT_ERR_ROUTER_CYCLE');
    expect(cycle.message).toContain('Outer > Loop > Outer');

    class Plain {}
    expect(deftErrorOf(() => createApp({ routers: [Plain], ...quiet })).code).toBe('DEFT_ERR_ROUTER_NOT_DECORATED');
    const misplaced = deftErrorOf(() => createApp({ controllers: [ShopRouter], ...quiet }));
    expect(misplaced.code).toBe('DEFT_ERR_CONTROLLER_NOT_DECORATED');
    expect(misplaced.message).toContain('it is a @Router(): list it in routers instead');
  });
});

describe('one handler for several methods (FastAPI\'s api_route)', () => {
  @Controller()
  class Things {
    @ApiRoute('/things', { methods: ['GET', 'POST'] })
    things() {
      return { handled: true };
    }
  }
  const app = createApp({ controllers: [Things], ...quiet });

  it('serves each method and documents an operation for each, with its own operationId', async () => {
    const client = new TestClient(app);
    expect((await client.get('/things')).json()).toEqual({ handled: true });
    expect((await client.post('/things')).json()).toEqual({ handled: true });
    expect((await client.put('/things')).status).toBe(405);
    const item = app.openapi().paths['/things']!;
    expect([item.get?.operationId, item.post?.operationId]).toEqual(['things_things_get', 'things_things_post']);
  });
});

describe('unmatched requests and the app\'s exception handlers', () => {
  @Controller()
  class Items {
    @Get('/items/')
    list() {
      return [];
    }
  }

  it('renders 404 and 405 through app.exceptionHandler(HTTPException, ...), as FastAPI does', async () => {
    const app = createApp({ controllers: [Items], ...quiet });
    app.exceptionHandler(HTTPException, (error, _request, reply) => reply.code(error.statusCode).headers(error.headers ?? {}).send({ error: { status: error.statusCode, message: error.detail } }));
    const client = new TestClient(app);
    const missing = await client.get('/nowhere');
    expect([missing.status, missing.json()]).toEqual([404, { error: { status: 404, message: 'Not Found' } }]);
    const wrongMethod = await client.post('/items/');
    expect([wrongMethod.status, wrongMethod.headers.allow, wrongMethod.json()]).toEqual([405, 'GET', { error: { status: 405, message: 'Method Not Allowed' } }]);
  });

  it('turns the trailing-slash redirect off with redirectSlashes: false', async () => {
    const on = new TestClient(createApp({ controllers: [Items], ...quiet }));
    const off = new TestClient(createApp({ controllers: [Items], redirectSlashes: false, ...quiet }));
    expect([(await on.get('/items')).status, (await on.get('/items')).headers.location]).toEqual([307, 'http://localhost:80/items/']);
    expect((await off.get('/items')).status).toBe(404);
  });
});

describe('the DeftError for a duplicate route names the two places', () => {
  @Controller('/x')
  class X {
    @Get('/')
    read() {
      return {};
    }
  }
  it('when one controller is included twice under the same prefix', () => {
    const error = deftErrorOf(() => createApp({ controllers: [X, include(X)], ...quiet }));
    expect(error).toBeInstanceOf(DeftError);
    expect(error.code).toBe('DEFT_ERR_ROUTE_DUPLICATE');
  });
});

describe('a route with dependencies of its own', () => {
  it('hands the handler its own arguments, however many, after the dependencies ran', async () => {
    const ran: string[] = [];
    const guard = (name: string) => () => void ran.push(name);
    @Controller('/args', { dependencies: [guard('controller')] })
    class Args {
      @Get('/none', { dependencies: [guard('route')] })
      none() {
        return [];
      }
      @Get('/one/{a}')
      one(@Path('a') a: string) {
        return [a];
      }
      @Get('/two/{a}/{b}')
      two(@Path('a') a: string, @Path('b') b: string) {
        return [a, b];
      }
      @Get('/three/{a}/{b}/{c}')
      three(@Path('a') a: string, @Path('b') b: string, @Path('c') c: string) {
        return [a, b, c];
      }
      @Get('/four/{a}/{b}/{c}/{d}')
      four(@Path('a') a: string, @Path('b') b: string, @Path('c') c: string, @Path('d') d: string) {
        return [a, b, c, d];
      }
    }
    const client = new TestClient(createApp({ controllers: [Args], ...quiet }));
    const answers = [];
    for (const path of ['/args/none', '/args/one/x', '/args/two/x/y', '/args/three/x/y/z', '/args/four/x/y/z/w']) answers.push((await client.get(path)).json());
    expect(answers).toEqual([[], ['x'], ['x', 'y'], ['x', 'y', 'z'], ['x', 'y', 'z', 'w']]);
    expect(ran).toEqual(['controller', 'route', 'controller', 'controller', 'controller', 'controller']);
  });
});
