import 'reflect-metadata';
import { Controller, createApp, defineDependency, Depends, Get, Security, SecurityScopes } from '@deft/core';
import { documentOf, documentWith, fakeScheme, operationOf } from './support';

const oauth2 = fakeScheme('OAuth2PasswordBearer', { type: 'oauth2', flows: { password: { scopes: { me: 'Me', items: 'Items' }, tokenUrl: 'token' } } });
const bearer = fakeScheme('HTTPBearer');
const apiKey = fakeScheme('APIKeyHeader', { type: 'apiKey', in: 'header', name: 'key' });
const basic = fakeScheme('HTTPBasic', { type: 'http', scheme: 'basic' });

describe('security requirements', () => {
  it('documents a scheme used by the handler, and the scheme itself once', () => {
    @Controller()
    class Items {
      @Get('/items/')
      readItems(@Depends(oauth2) token: string) {
        return { token };
      }
    }
    const document = documentOf(Items);
    expect(operationOf(document, '/items/', 'get').security).toEqual([{ OAuth2PasswordBearer: [] }]);
    expect(document.components).toEqual({
      securitySchemes: { OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { scopes: { me: 'Me', items: 'Items' }, tokenUrl: 'token' } } } },
    });
  });

  it('adds neither parameters nor a 422 for a scheme', () => {
    @Controller()
    class Items {
      @Get('/items/')
      readItems(@Depends(apiKey) key: string) {
        return { key };
      }
    }
    const operation = operationOf(documentOf(Items), '/items/', 'get');
    expect(operation).not.toHaveProperty('parameters');
    expect(Object.keys(operation.responses)).toEqual(['200']);
  });

  it('has no security key when the route uses no scheme, even with SecurityScopes', () => {
    @Controller()
    class Open {
      @Get('/open')
      open(scopes: SecurityScopes) {
        return scopes.scopes;
      }
    }
    expect(operationOf(documentOf(Open), '/open', 'get')).not.toHaveProperty('security');
  });

  it('merges every use of a scheme into one requirement, scopes unioned in first-seen order', () => {
    @Controller()
    class Items {
      @Get('/items/', { dependencies: [Security(oauth2, ['me'])] })
      readItems(
        @Security(oauth2, ['items']) a: string,
        @Depends(oauth2) b: string,
        @Security(oauth2, ['me', 'items']) c: string,
      ) {
        return [a, b, c];
      }
    }
    expect(operationOf(documentOf(Items), '/items/', 'get').security).toEqual([{ OAuth2PasswordBearer: ['me', 'items'] }]);
  });

  it('lists several schemes in the order the walk meets them', () => {
    @Controller()
    class Items {
      @Get('/items/')
      readItems(@Depends(bearer) a: string, @Depends(apiKey) b: string, @Security(oauth2, ['items']) c: string, @Depends(basic) d: string) {
        return [a, b, c, d];
      }
    }
    expect(operationOf(documentOf(Items), '/items/', 'get').security).toEqual([
      { HTTPBearer: [] },
      { APIKeyHeader: [] },
      { OAuth2PasswordBearer: ['items'] },
      { HTTPBasic: [] },
    ]);
  });

  it('attaches scopes to any kind of scheme', () => {
    @Controller()
    class Admin {
      @Get('/admin')
      admin(@Security(bearer, ['admin']) token: string) {
        return token;
      }
    }
    expect(operationOf(documentOf(Admin), '/admin', 'get').security).toEqual([{ HTTPBearer: ['admin'] }]);
  });

  it('finds schemes in app, controller and route dependencies, in that order, before the handler', () => {
    @Controller('', { dependencies: [Depends(apiKey)] })
    class Items {
      @Get('/items/', { dependencies: [Depends(basic)] })
      readItems(@Depends(oauth2) token: string) {
        return token;
      }
    }
    const document = documentWith({ controllers: [Items], dependencies: [bearer] });
    expect(operationOf(document, '/items/', 'get').security).toEqual([{ HTTPBearer: [] }, { APIKeyHeader: [] }, { HTTPBasic: [] }, { OAuth2PasswordBearer: [] }]);
  });

  describe('scopes accumulated down the graph (FastAPI tutorial005)', () => {
    const getCurrentUser = defineDependency({ scopes: SecurityScopes, token: Depends(oauth2) }, ({ scopes, token }) => ({ token, scopes: scopes.scopes }));
    const getActiveUser = defineDependency({ user: Security(getCurrentUser, ['me']) }, ({ user }) => user);

    @Controller()
    class Users {
      @Get('/users/me/')
      me(@Depends(getActiveUser) user: unknown) {
        return user;
      }

      @Get('/users/me/items/')
      items(@Security(getActiveUser, ['items']) user: unknown) {
        return user;
      }

      @Get('/status/')
      status(@Depends(getCurrentUser) user: unknown) {
        return user;
      }

      @Get('/decorated/', { dependencies: [Security(getCurrentUser, ['x'])] })
      decorated() {
        return {};
      }
    }
    const document = documentOf(Users);

    it.each([
      ['/users/me/', ['me']],
      ['/users/me/items/', ['items', 'me']],
      ['/status/', []],
      ['/decorated/', ['x']],
    ])('%s requires %j', (path, scopes) => {
      expect(operationOf(document, path, 'get').security).toEqual([{ OAuth2PasswordBearer: scopes }]);
    });
  });

  it("keeps siblings' scopes apart", () => {
    const first = fakeScheme('First');
    const second = fakeScheme('Second');
    const dep3 = defineDependency({ a: Security(first, ['scope1']), b: Security(second, ['scope2']) }, ({ a, b }) => [a, b]);
    @Controller()
    class Scoped {
      @Get('/scoped')
      scoped(@Security(dep3, ['scope3']) value: unknown) {
        return value;
      }
    }
    expect(operationOf(documentOf(Scoped), '/scoped', 'get').security).toEqual([{ First: ['scope3', 'scope1'] }, { Second: ['scope3', 'scope2'] }]);
  });

  it('keeps the first position of a scheme name and the last definition given for it', () => {
    const v1 = fakeScheme('Shared', { type: 'http', scheme: 'bearer', description: 'first' });
    const v2 = fakeScheme('Shared', { type: 'http', scheme: 'bearer', description: 'second' });
    @Controller()
    class Two {
      @Get('/one') one(@Depends(v1) a: string, @Depends(apiKey) b: string) {
        return [a, b];
      }
      @Get('/two') two(@Depends(v2) a: string) {
        return a;
      }
    }
    const schemes = documentOf(Two).components?.securitySchemes ?? {};
    expect(Object.keys(schemes)).toEqual(['Shared', 'APIKeyHeader']);
    expect(schemes.Shared).toEqual({ type: 'http', scheme: 'bearer', description: 'second' });
  });

  it('ignores dependency overrides (the document shows the original graph)', () => {
    @Controller()
    class Items {
      @Get('/items/')
      readItems(@Depends(oauth2) token: string) {
        return token;
      }
    }
    const app = createApp({ controllers: [Items], fastify: { logger: false } });
    app.dependencyOverrides.set(oauth2, () => 'overridden');
    expect(operationOf(app.openapi(), '/items/', 'get').security).toEqual([{ OAuth2PasswordBearer: [] }]);
  });
});
