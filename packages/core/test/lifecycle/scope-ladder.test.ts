import 'reflect-metadata';
import { BackgroundTasks, Controller, createApp, defineDependency, DeftError, Depends, Get, Query, RequestContext } from '@deft/core';
import { TestClient } from '@deft/testing';
import { deferred, within } from '../support/lifecycle';
import { deftErrorOf } from '../support/client';

const quiet = { fastify: { logger: false } } as const;

describe("the scope ladder: scope: 'app' values live with the app", () => {
  it('makes an app-scoped value once, shares it across routes and requests, and tears it down at close(), after requests and background tasks', async () => {
    const events: string[] = [];
    let made = 0;
    const pool = async function* pool() {
      const id = ++made;
      events.push(`pool:open ${id}`);
      yield { id };
      events.push(`pool:close ${id}`);
    };
    const UsePool = Depends(pool, { scope: 'app' });
    const session = async function* session() {
      yield 'session';
      events.push('session:close');
    };
    @Controller()
    class C {
      @Get('/a')
      a(@UsePool p: { id: number }) {
        return p;
      }
      @Get('/b')
      b(@UsePool p: { id: number }, @Depends(session) _s: string, tasks: BackgroundTasks) {
        tasks.addTask(() => events.push('task'));
        return p;
      }
    }
    const app = createApp({ controllers: [C], ...quiet });
    const client = new TestClient(app);
    const answers = await Promise.all([client.get('/a'), client.get('/b'), client.get('/a')]);
    expect(answers.map((res) => res.json())).toEqual([{ id: 1 }, { id: 1 }, { id: 1 }]);
    await app.close();
    expect(made).toBe(1);
    expect(events).toEqual(['pool:open 1', 'task', 'session:close', 'pool:close 1']);
  });

  it('lets concurrent requests wait for the one value being made, and does not keep a failure (a value made on first use: an override set after the start)', async () => {
    const gate = deferred();
    let attempts = 0;
    const model = () => ({ attempt: 0 });
    const replacement = async () => {
      attempts++;
      await gate.promise;
      if (attempts === 1) throw new Error('the first load fails');
      return { attempt: attempts };
    };
    @Controller()
    class C {
      @Get('/')
      read(@Depends(model, { scope: 'app' }) m: { attempt: number }) {
        return m;
      }
    }
    const app = createApp({ controllers: [C], ...quiet });
    const client = new TestClient(app);
    expect((await client.get('/')).json()).toEqual({ attempt: 0 });
    app.dependencyOverrides.set(model, replacement);
    const first = Promise.all([client.get('/'), client.get('/')]);
    gate.resolve();
    expect((await within(first, 'the first two requests')).map((res) => res.status)).toEqual([500, 500]);
    expect(attempts).toBe(1);
    expect((await client.get('/')).json()).toEqual({ attempt: 2 });
    expect((await client.get('/')).json()).toEqual({ attempt: 2 });
    await app.close();
  });

  it('gives an app-scoped dependency its services and app-scoped sub-dependencies, and tells an undeclared one it is resolved for the app', async () => {
    class Settings {
      readonly url = 'sqlite::memory:';
    }
    const connect = defineDependency({ settings: Settings }, ({ settings }) => ({ url: settings.url, at: Math.random() }));
    @Controller()
    class C {
      @Get('/')
      read(@Depends(connect, { scope: 'app' }) a: { at: number }, @Depends(connect, { scope: 'app' }) b: { at: number }) {
        return { same: a === b, url: (a as { url?: string }).url };
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    const one = (await client.get('/')).json();
    expect(one).toEqual({ same: true, url: 'sqlite::memory:' });
    await client.app.close();
  });

  it('refuses at start-up an app-scoped dependency that reads the request, directly or through what it depends on', () => {
    const readsQuery = defineDependency({ q: Query('q') }, function readsQuery({ q }) {
      return q;
    });
    const direct = defineDependency({ q: Query('q') }, function direct({ q }) {
      return q;
    });
    const through = defineDependency({ value: Depends(readsQuery) }, function through({ value }) {
      return value;
    });
    const perRequest = async function* perRequest() {
      yield 1;
    };
    const onRequestScoped = defineDependency({ r: Depends(perRequest) }, function onRequestScoped({ r }) {
      return r;
    });
    const withContext = defineDependency({ context: RequestContext }, function withContext({ context }) {
      return context.url;
    });
    const cases: [unknown, RegExp][] = [
      [direct, /direct\(\) has a scope of "app".* cannot depend on the query parameter "q", which belongs to one request/],
      [through, /through\(\) has a scope of "app".* cannot depend on the query parameter "q" \(through readsQuery\(\)\)/],
      [onRequestScoped, /onRequestScoped\(\) has a scope of "app".* cannot depend on perRequest\(\), whose scope is "request"/],
      [withContext, /withContext\(\) has a scope of "app".* cannot depend on RequestContext/],
    ];
    for (const [dependency, message] of cases) {
      @Controller()
      class C {
        @Get('/')
        read(@Depends(dependency as () => unknown, { scope: 'app' }) _v: unknown) {
          return {};
        }
      }
      const error = deftErrorOf(() => createApp({ controllers: [C], ...quiet }));
      expect(error.code).toBe('DEFT_ERR_DEPENDENCY_SCOPE');
      expect(error.message).toMatch(message);
      expect(error.message).toContain("scope: 'app'");
    }
  });

  it('assigns rungs transitively: a request-scoped teardown cannot reach a function-scoped one through a plain dependency, but the plain one may use it', async () => {
    const early = async function* early() {
      yield 'early';
    };
    const plain = defineDependency({ e: Depends(early, { scope: 'function' }) }, function plain({ e }) {
      return `plain(${e})`;
    });
    const late = defineDependency({ p: Depends(plain) }, async function* late({ p }) {
      yield p;
    });
    @Controller()
    class Refused {
      @Get('/')
      read(@Depends(late) v: string) {
        return v;
      }
    }
    const error = deftErrorOf(() => createApp({ controllers: [Refused], ...quiet }));
    expect(error.code).toBe('DEFT_ERR_DEPENDENCY_SCOPE');
    expect(error.message).toContain('late() has a scope of "request"');
    expect(error.message).toContain('plain(), which is "function"-scoped through what it depends on');
    @Controller()
    class Allowed {
      @Get('/')
      read(@Depends(plain) v: string) {
        return { v };
      }
    }
    expect((await new TestClient(createApp({ controllers: [Allowed], ...quiet })).get('/')).json()).toEqual({ v: 'plain(early)' });
  });

  it('runs every app-scoped teardown at close() even when one fails, then rejects with that failure', async () => {
    const events: string[] = [];
    const first = async function* first() {
      try {
        yield 1;
        events.push('first closed');
      } catch (error) {
        // As nested context managers do: the failure of the one made after it passes through it.
        events.push(`first closed, seeing: ${(error as Error).message}`);
        throw error;
      }
    };
    const second = async function* second() {
      yield 2;
      throw new Error('second could not close');
    };
    @Controller()
    class C {
      @Get('/')
      read(@Depends(first, { scope: 'app' }) a: number, @Depends(second, { scope: 'app' }) b: number) {
        return [a, b];
      }
    }
    const app = createApp({ controllers: [C], ...quiet });
    expect((await new TestClient(app).get('/')).json()).toEqual([1, 2]);
    await expect(app.close()).rejects.toThrow('second could not close');
    expect(events).toEqual(['first closed, seeing: second could not close']);
  });

  it("refuses useCache: false on the app rung when it is declared", () => {
    const error = deftErrorOf(() => Depends(() => 1, { scope: 'app', useCache: false }));
    expect(error.code).toBe('DEFT_ERR_DEPENDENCY_SCOPE');
    expect(error.message).toContain('always cached');
  });
});

describe('overrides on the scope ladder', () => {
  const loadModel = () => ({ model: 'real' });
  @Controller()
  class C {
    @Get('/')
    read(@Depends(loadModel, { scope: 'app' }) m: { model: string }) {
      return m;
    }
  }

  it('replaces an app-scoped dependency, and the original comes back when the override goes', async () => {
    const app = createApp({ controllers: [C], ...quiet });
    const client = new TestClient(app);
    expect((await client.get('/')).json()).toEqual({ model: 'real' });
    app.dependencyOverrides.set(loadModel, () => ({ model: 'fake' }));
    expect((await client.get('/')).json()).toEqual({ model: 'fake' });
    app.dependencyOverrides.delete(loadModel);
    expect((await client.get('/')).json()).toEqual({ model: 'real' });
  });

  it('compiles a replacement when it is set: one that reads the request in place of an app-scoped dependency fails there', () => {
    const app = createApp({ controllers: [C], ...quiet });
    const fromQuery = defineDependency({ name: Query('name') }, function fromQuery({ name }) {
      return { model: name };
    });
    let error: unknown;
    try {
      app.dependencyOverrides.set(loadModel, fromQuery);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DeftError);
    expect((error as DeftError).code).toBe('DEFT_ERR_DEPENDENCY_SCOPE');
    expect((error as DeftError).message).toContain('The override for loadModel(): The dependency fromQuery() has a scope of "app"');
    expect(app.dependencyOverrides.has(loadModel)).toBe(false);
  });

  it('compiles a replacement when it is set: one that is no dependency fails there', () => {
    const app = createApp({ controllers: [C], ...quiet });
    expect(() => app.dependencyOverrides.set(loadModel, 42 as never)).toThrow(/DEFT_ERR_DEPENDENCY_INVALID: The override for loadModel\(\)/);
  });
});
