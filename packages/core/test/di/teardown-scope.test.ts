import 'reflect-metadata';
import { Controller, createApp, defineDependency, DeftError, Depends, Get, HTTPException, Post } from '@deft/core';
import { TestClient } from '@deft/testing';
import { until } from '../support/lifecycle';

const quiet = { fastify: { logger: false } } as const;


describe("Depends(x, { scope: 'function' }): teardown before the response", () => {
  it('finishes before the client gets the answer (a commit is visible to the next request)', async () => {
    const log: string[] = [];
    const transaction = async function* () {
      yield 'tx';
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.push('commit');
    };
    @Controller()
    class C {
      @Post('/writes', { statusCode: 201 })
      write(@Depends(transaction, { scope: 'function' }) _tx: string) {
        log.push('handler');
        return {};
      }
    }
    const res = await new TestClient(createApp({ controllers: [C], ...quiet })).post('/writes');
    log.push(`response ${res.status}`);
    expect(log).toEqual(['handler', 'commit', 'response 201']);
  });

  it('lets an error raised after the yield become the response', async () => {
    const raiseAfter = async function* () {
      yield 'x';
      throw new HTTPException(400, 'after');
    };
    @Controller()
    class C {
      @Get('/')
      read(@Depends(raiseAfter, { scope: 'function' }) _x: string) {
        return { ok: true };
      }
    }
    const res = await new TestClient(createApp({ controllers: [C], ...quiet })).get('/');
    expect([res.status, res.json()]).toEqual([400, { detail: 'after' }]);
  });

  it('gives a handler error to function-scoped teardowns first, then to the others; on success the function-scoped ones finish before the response', async () => {
    const log: string[] = [];
    const tracked = (name: string) =>
      async function* () {
        try {
          yield name;
          log.push(`${name}:exit`);
        } catch (error) {
          log.push(`${name}:except ${(error as Error).message}`);
          throw error;
        }
      };
    const late = tracked('late');
    const early = tracked('early');
    @Controller()
    class C {
      @Get('/fails')
      fails(@Depends(late) _l: string, @Depends(early, { scope: 'function' }) _e: string) {
        throw new HTTPException(409, 'conflict');
      }
      @Get('/ok')
      ok(@Depends(late) _l: string, @Depends(early, { scope: 'function' }) _e: string) {
        log.push('handler');
        return {};
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    expect((await client.get('/fails')).status).toBe(409);
    expect(log).toEqual(['early:except conflict', 'late:except conflict']);
    log.length = 0;
    await client.get('/ok');
    expect(log.slice(0, 2)).toEqual(['handler', 'early:exit']);
    await until(() => log.includes('late:exit'), 'the request-scoped teardown');
    expect(log).toEqual(['handler', 'early:exit', 'late:exit']);
  });

  it('keeps one cache entry per scope, as FastAPI does', async () => {
    let entered = 0;
    const session = async function* () {
      yield ++entered;
    };
    @Controller()
    class C {
      @Get('/')
      read(@Depends(session) a: number, @Depends(session, { scope: 'function' }) b: number, @Depends(session) c: number) {
        return [a, b, c];
      }
    }
    expect((await new TestClient(createApp({ controllers: [C], ...quiet })).get('/')).json()).toEqual([1, 2, 1]);
  });

  it("refuses at start-up a request-scoped generator that depends on a function-scoped one", () => {
    const early = async function* early() {
      yield 1;
    };
    const late = defineDependency({ e: Depends(early, { scope: 'function' }) }, async function* late({ e }) {
      yield e;
    });
    @Controller()
    class C {
      @Get('/')
      read(@Depends(late) _v: number) {
        return {};
      }
    }
    let error: unknown;
    try {
      createApp({ controllers: [C], ...quiet });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DeftError);
    expect((error as DeftError).code).toBe('DEFT_ERR_DEPENDENCY_SCOPE');
    expect((error as DeftError).message).toContain('late() has a scope of "request"');
    expect((error as DeftError).message).toContain("scope: 'function'");
  });
});
