import 'reflect-metadata';
import { BackgroundTasks, ConnectionContext, Controller, createApp, defineDependency, Depends, Get, Path, RequestContext, requestContext } from '@deft/core';
import { TestClient } from '@deft/testing';
import { until } from '../support/lifecycle';

const quiet = { fastify: { logger: false } } as const;

describe('one request state from the hooks to the handler', () => {
  it('gives a Fastify hook the RequestContext and BackgroundTasks that the handler and its dependencies receive', async () => {
    const events: string[] = [];
    const seen: { hook?: RequestContext; dependency?: RequestContext; handler?: RequestContext; tasks?: BackgroundTasks } = {};
    const recordContext = defineDependency({ context: RequestContext }, ({ context }) => {
      seen.dependency = context;
      return 'recorded';
    });
    @Controller()
    class C {
      @Get('/')
      read(@Depends(recordContext) _r: string, context: RequestContext, tasks: BackgroundTasks) {
        seen.handler = context;
        seen.tasks = tasks;
        tasks.addTask(() => events.push('handler task'));
        return { ok: true };
      }
    }
    const app = createApp({ controllers: [C], ...quiet });
    app.fastify.addHook('onRequest', async (request, reply) => {
      const context = requestContext(request, reply);
      seen.hook = context;
      context.setHeader('x-from-hook', 'yes');
      context.backgroundTasks.addTask(() => events.push('hook task'));
    });
    const res = await new TestClient(app).get('/');
    expect([res.status, res.headers['x-from-hook']]).toEqual([200, 'yes']);
    expect(seen.hook).toBe(seen.handler);
    expect(seen.dependency).toBe(seen.handler);
    expect(seen.tasks).toBe(seen.hook!.backgroundTasks);
    await until(() => events.length === 2, 'both background tasks');
    expect(events).toEqual(['hook task', 'handler task']);
    await app.close();
  });

  it('injects the ConnectionContext (headers, query, cookies, path parameters) by type, without a reply', async () => {
    const fromConnection = defineDependency({ connection: ConnectionContext }, ({ connection }) => ({
      agent: connection.header('User-Agent'),
      q: connection.query.q,
      session: connection.cookies.session,
      id: connection.pathParams.item_id,
      isRequestContext: connection instanceof RequestContext,
    }));
    @Controller()
    class C {
      @Get('/items/{item_id}')
      read(@Path('item_id') _id: string, @Depends(fromConnection) info: unknown, connection: ConnectionContext) {
        return { info, method: connection.method };
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    const res = await client.get('/items/7', { query: { q: 'x' }, headers: { 'user-agent': 'tests' }, cookies: { session: 's1' } });
    expect(res.json()).toEqual({ info: { agent: 'tests', q: 'x', session: 's1', id: '7', isRequestContext: true }, method: 'GET' });
  });

  it('awaits a thenable that is not a native promise, instead of writing it as JSON', async () => {
    const later = <T>(value: T): PromiseLike<T> => ({
      then: (resolve, reject) => Promise.resolve(value).then(resolve, reject),
    });
    @Controller()
    class C {
      @Get('/')
      read() {
        return later({ settled: true });
      }
    }
    expect((await new TestClient(createApp({ controllers: [C], ...quiet })).get('/')).json()).toEqual({ settled: true });
  });
});
