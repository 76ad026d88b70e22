import 'reflect-metadata';
import { Writable } from 'node:stream';
import { BackgroundTasks, Controller, createApp, defineDependency, Depends, Get, HTTPException, RequestContext, Security, SecurityScopes } from '@deft/core';
import { TestClient } from '@deft/testing';

const quiet = { fastify: { logger: false } } as const;

describe('parameters injected by type', () => {
  it('SecurityScopes carries the scopes accumulated from the route down to the asking dependency', async () => {
    const currentUser = defineDependency({ scopes: SecurityScopes }, ({ scopes }) => ({ scopes: scopes.scopes, scopeStr: scopes.scopeStr }));
    const activeUser = defineDependency({ user: Security(currentUser, ['me']) }, ({ user }) => user);
    @Controller()
    class C {
      @Get('/me')
      me(@Depends(activeUser) user: unknown) {
        return user;
      }
      @Get('/items')
      items(@Security(activeUser, ['items']) user: unknown) {
        return user;
      }
      @Get('/status')
      status(@Depends(currentUser) user: unknown) {
        return user;
      }
      @Get('/own')
      own(scopes: SecurityScopes) {
        return scopes;
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    expect((await client.get('/me')).json()).toEqual({ scopes: ['me'], scopeStr: 'me' });
    expect((await client.get('/items')).json()).toEqual({ scopes: ['items', 'me'], scopeStr: 'items me' });
    expect((await client.get('/status')).json()).toEqual({ scopes: [], scopeStr: '' });
    expect((await client.get('/own')).json()).toEqual({ scopes: [], scopeStr: '' });
  });

  it('keeps sibling scopes apart', async () => {
    const seen = (name: string) => defineDependency({ s: SecurityScopes }, ({ s }) => [name, s.scopes] as const);
    const dep3 = defineDependency({ one: Security(seen('dep1'), ['scope1']), two: Security(seen('dep2'), ['scope2']) }, ({ one, two }) =>
      Object.fromEntries([one, two]),
    );
    @Controller()
    class C {
      @Get('/')
      read(@Security(dep3, ['scope3']) value: unknown) {
        return value;
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    expect((await client.get('/')).json()).toEqual({ dep1: ['scope3', 'scope1'], dep2: ['scope3', 'scope2'] });
  });

  it('RequestContext reads the raw request and sets status, headers and cookies of a successful response', async () => {
    const stamp = defineDependency({ context: RequestContext }, ({ context }) => {
      context.setHeader('x-stamped', 'yes');
      return context.header('user-agent') ?? 'unknown';
    });
    @Controller()
    class C {
      @Get('/')
      read(@Depends(stamp) agent: string, context: RequestContext) {
        context.setStatus(202).setCookie('session', 'abc', { httpOnly: true });
        return { agent, method: context.method, url: context.url };
      }
      @Get('/fails')
      fails(@Depends(stamp) _agent: string) {
        throw new HTTPException(400, 'no');
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    const res = await client.get('/?x=1', { headers: { 'user-agent': 'jest' } });
    expect(res.status).toBe(202);
    expect(res.json()).toEqual({ agent: 'jest', method: 'GET', url: '/?x=1' });
    expect(res.headers['x-stamped']).toBe('yes');
    expect(res.headers['set-cookie']).toBe('session=abc; Path=/; HttpOnly; SameSite=Lax');
    const failed = await client.get('/fails');
    expect(failed.status).toBe(400);
    expect(failed.headers['x-stamped']).toBeUndefined();
  });

  it('BackgroundTasks is one instance per request, shared by dependencies and the handler; failures are logged and the next task runs', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _e, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const ran: string[] = [];
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const audit = defineDependency({ tasks: BackgroundTasks }, ({ tasks }) => {
      tasks.addTask((what: string) => ran.push(what), 'from dependency');
      return tasks;
    });
    @Controller()
    class C {
      @Get('/')
      read(@Depends(audit) fromDependency: BackgroundTasks, tasks: BackgroundTasks) {
        tasks.addTask(() => {
          throw new Error('task failed');
        });
        tasks.addTask(() => {
          ran.push('after failure');
          finish();
        });
        return { same: fromDependency === tasks, pending: tasks.size };
      }
    }
    const client = new TestClient(createApp({ controllers: [C], fastify: { logger: { level: 'error', stream } } }));
    expect((await client.get('/')).json()).toEqual({ same: true, pending: 3 });
    await finished;
    expect(ran).toEqual(['from dependency', 'after failure']);
    expect(lines.join('')).toContain('task failed');
  });
});
