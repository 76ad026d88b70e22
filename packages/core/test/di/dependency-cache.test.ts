import 'reflect-metadata';
import { Controller, createApp, defineDependency, Depends, Get, Security, SecurityScopes } from '@deft/core';
import { TestClient } from '@deft/testing';

const quiet = { fastify: { logger: false } } as const;

describe('one evaluation per request per dependency', () => {
  let counter = 0;
  const depCounter = async () => ++counter;
  const superDep = defineDependency({ count: Depends(depCounter) }, ({ count }) => count);

  @Controller()
  class Counters {
    @Get('/counter/')
    counter(@Depends(depCounter) count: number) {
      return { counter: count };
    }

    @Get('/sub-counter/')
    subCounter(@Depends(superDep) subcount: number, @Depends(depCounter) count: number) {
      return { counter: count, subcounter: subcount };
    }

    @Get('/sub-counter-no-cache/')
    subCounterNoCache(@Depends(superDep) subcount: number, @Depends(depCounter, { useCache: false }) count: number) {
      return { counter: count, subcounter: subcount };
    }
  }

  const client = new TestClient(createApp({ controllers: [Counters], ...quiet }));
  beforeEach(() => {
    counter = 0;
  });

  it('evaluates again on every request', async () => {
    expect((await client.get('/counter/')).json()).toEqual({ counter: 1 });
    expect((await client.get('/counter/')).json()).toEqual({ counter: 2 });
  });

  it('shares a value between a sub-dependency and a direct use', async () => {
    expect((await client.get('/sub-counter/')).json()).toEqual({ counter: 1, subcounter: 1 });
    expect((await client.get('/sub-counter/')).json()).toEqual({ counter: 2, subcounter: 2 });
  });

  it('evaluates again for useCache: false', async () => {
    expect((await client.get('/sub-counter-no-cache/')).json()).toEqual({ counter: 2, subcounter: 1 });
    expect((await client.get('/sub-counter-no-cache/')).json()).toEqual({ counter: 4, subcounter: 3 });
  });

  it('stores the first value even from a useCache: false use, for later cached uses', async () => {
    const usesCnt = defineDependency({ n: Depends(depCounter) }, ({ n }) => n);
    const usesCntNoCache = defineDependency({ n: Depends(depCounter, { useCache: false }) }, ({ n }) => n);
    @Controller()
    class C {
      @Get('/cc')
      cc(
        @Depends(depCounter) a: number,
        @Depends(usesCnt) b: number,
        @Depends(depCounter, { useCache: false }) c: number,
        @Depends(depCounter) d: number,
        @Depends(usesCntNoCache) e: number,
      ) {
        return [a, b, c, d, e];
      }
      @Get('/first-uncached')
      firstUncached(@Depends(depCounter, { useCache: false }) a: number, @Depends(depCounter) b: number) {
        return [a, b];
      }
    }
    const own = new TestClient(createApp({ controllers: [C], ...quiet }));
    expect((await own.get('/cc')).json()).toEqual([1, 1, 2, 1, 3]);
    expect(counter).toBe(3);
    counter = 0;
    expect((await own.get('/first-uncached')).json()).toEqual([1, 1]);
  });

  it('keys the cache by scopes only for dependencies that use scopes', async () => {
    let scoped = 0;
    let plain = 0;
    const scopedCounter = defineDependency({ scopes: SecurityScopes }, ({ scopes }) => `${++scoped}:${scopes.scopeStr}`);
    const plainCounter = () => ++plain;
    const user = defineDependency({ s: Depends(scopedCounter), p: Depends(plainCounter) }, ({ s, p }) => ({ s, p }));
    @Controller()
    class C {
      @Get('/')
      read(
        @Security(scopedCounter) a: string,
        @Security(scopedCounter, ['scope']) b: string,
        @Security(scopedCounter, ['scope']) c: string,
        @Depends(plainCounter) d: number,
        @Security(user, ['read']) e: { s: string; p: number },
      ) {
        return { a, b, c, d, e };
      }
    }
    const own = new TestClient(createApp({ controllers: [C], ...quiet }));
    expect((await own.get('/')).json()).toEqual({ a: '1:', b: '2:scope', c: '2:scope', d: 1, e: { s: '3:read', p: 1 } });
    expect([scoped, plain]).toEqual([3, 1]);
  });

  it('a dependency used once in its route still shares its value with an override that uses it too', async () => {
    let made = 0;
    const session = () => ++made;
    const original = () => 'original';
    @Controller()
    class C {
      @Get('/')
      read(@Depends(session) a: number, @Depends(original) b: string) {
        return { a, b };
      }
    }
    const app = createApp({ controllers: [C], ...quiet });
    const own = new TestClient(app);
    expect((await own.get('/')).json()).toEqual({ a: 1, b: 'original' });
    app.dependencyOverrides.set(original, defineDependency({ s: Depends(session) }, ({ s }) => `replaced with session ${s}`));
    expect((await own.get('/')).json()).toEqual({ a: 2, b: 'replaced with session 2' });
    expect(made).toBe(2);
  });
});
