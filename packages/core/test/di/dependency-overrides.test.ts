import 'reflect-metadata';
import { container as rootContainer, injectable } from 'tsyringe';
import {
  Controller,
  createApp,
  defineDependency,
  Depends,
  Get,
  HTTPException,
  Int,
  Query,
  Security,
  SecurityScopes,
  type Dependable,
  type RequestContext,
} from '@deft/core';
import { TestClient, withOverrides } from '@deft/testing';

const quiet = { fastify: { logger: false } } as const;

class BearerScheme implements Dependable<string> {
  readonly securityScheme = { name: 'Bearer', definition: { type: 'http', scheme: 'bearer' } };
  resolve(context: RequestContext): string {
    const header = context.header('authorization');
    if (!header) throw new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' });
    return header;
  }
}
const scheme = new BearerScheme();
const getUser = defineDependency({ token: Depends(scheme), q: Query('q') }, ({ token, q }) => ({ token, q }));
let verified = 0;
const verify = () => {
  verified++;
};

@Controller('', { dependencies: [verify] })
class Users {
  @Get('/u')
  u(@Depends(getUser) user: unknown) {
    return user;
  }
  @Get('/twice')
  twice(@Depends(getUser) a: unknown, @Depends(getUser) b: unknown) {
    return { same: a === b };
  }
  @Get('/token')
  token(@Depends(scheme) token: string) {
    return { token };
  }
}

describe('app.dependencyOverrides', () => {
  const app = createApp({ controllers: [Users], ...quiet });
  const client = new TestClient(app);
  afterEach(() => app.dependencyOverrides.clear());

  it('replaces a dependency; the replacement\'s own parameters are validated instead', async () => {
    app.dependencyOverrides.set(
      getUser,
      defineDependency({ x: Query('x', { type: Int, default: 5 }) }, ({ x }) => ({ override: true, x })),
    );
    expect((await client.get('/u')).json()).toEqual({ override: true, x: 5 });
    expect((await client.get('/u', { query: { x: 'abc' } })).json()).toEqual({
      detail: [{ type: 'int_parsing', loc: ['query', 'x'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'abc' }],
    });
    app.dependencyOverrides.delete(getUser);
    expect((await client.get('/u')).status).toBe(401);
  });

  it('replaces a security scheme object, bypassing its 401', async () => {
    app.dependencyOverrides.set(scheme, () => 'overridden-token');
    expect((await client.get('/token')).json()).toEqual({ token: 'overridden-token' });
    expect((await client.get('/u', { query: { q: 'x' } })).json()).toEqual({ token: 'overridden-token', q: 'x' });
  });

  it('applies to dependencies listed on the app, controller and route', async () => {
    verified = 0;
    let replaced = 0;
    app.dependencyOverrides.set(verify, () => {
      replaced++;
    });
    app.dependencyOverrides.set(scheme, () => 't');
    await client.get('/token');
    expect([verified, replaced]).toEqual([0, 1]);
  });

  it('keeps the original\'s per-request cache entry', async () => {
    let calls = 0;
    app.dependencyOverrides.set(getUser, () => ({ n: ++calls }));
    expect((await client.get('/twice')).json()).toEqual({ same: true });
    expect(calls).toBe(1);
  });

  it('gives the replacement the original\'s scopes', async () => {
    const needsScopes = defineDependency({ s: SecurityScopes }, ({ s }) => s.scopes);
    @Controller()
    class C {
      @Get('/')
      read(@Security(needsScopes, ['foo', 'bar']) scopes: string[]) {
        return scopes;
      }
    }
    const own = createApp({ controllers: [C], ...quiet });
    own.dependencyOverrides.set(needsScopes, defineDependency({ s: SecurityScopes }, ({ s }) => ['override', ...s.scopes]));
    expect((await new TestClient(own).get('/')).json()).toEqual(['override', 'foo', 'bar']);
  });

  it('consults overrides at every level, including inside a replacement', async () => {
    const inner = () => 'inner';
    app.dependencyOverrides.set(getUser, defineDependency({ v: Depends(inner) }, ({ v }) => ({ v })));
    app.dependencyOverrides.set(inner, () => 'inner overridden');
    expect((await client.get('/u')).json()).toEqual({ v: 'inner overridden' });
  });

  it('replaces a container service', async () => {
    let made = 0;
    @injectable()
    class Mailer {
      constructor() {
        made++;
      }
      send() {
        return 'real';
      }
    }
    @Controller()
    class C {
      @Get('/')
      read(@Depends(Mailer) mailer: Mailer) {
        return { sent: mailer.send() };
      }
    }
    // Registered before the app is built, so the graph resolves it from the container (a service, not a class dependency).
    const parent = rootContainer.createChildContainer();
    parent.registerSingleton(Mailer);
    const own = createApp({ controllers: [C], container: parent, ...quiet });
    const client = new TestClient(own);
    expect((await client.get('/')).json()).toEqual({ sent: 'real' });
    expect((await client.get('/')).json()).toEqual({ sent: 'real' });
    // One instance for both requests: the container's singleton, not a class dependency constructed per request.
    expect(made).toBe(1);
    const fake = { send: () => 'fake' };
    own.dependencyOverrides.set(Mailer, () => fake);
    expect((await client.get('/')).json()).toEqual({ sent: 'fake' });
  });

  it('withOverrides restores what was there before, also when the body throws', async () => {
    app.dependencyOverrides.set(scheme, () => 'outer');
    await expect(
      withOverrides(app, [[scheme, () => 'inner']], async () => {
        expect((await client.get('/token')).json()).toEqual({ token: 'inner' });
        throw new Error('test failed inside');
      }),
    ).rejects.toThrow('test failed inside');
    expect((await client.get('/token')).json()).toEqual({ token: 'outer' });
    await withOverrides(app, [[getUser, () => 'x']], async () => undefined);
    expect(app.dependencyOverrides.has(getUser)).toBe(false);
  });
});
