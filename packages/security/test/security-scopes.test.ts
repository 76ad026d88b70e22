import 'reflect-metadata';
import { Controller, createApp, defineDependency, Depends, Get, Security, SecurityScopes } from '@deft/core';
import { OAuth2PasswordBearer } from '@deft/security';
import { TestClient } from '@deft/testing';

describe('scopes along the dependency graph', () => {
  it('flow down from outer Security() uses, without leaking between siblings', async () => {
    const security1 = defineDependency({ scopes: SecurityScopes }, ({ scopes }) => scopes.scopes);
    const security2 = defineDependency({ scopes: SecurityScopes }, ({ scopes }) => scopes.scopes);
    const dep3 = defineDependency({ dep1: Security(security1, ['scope1']), dep2: Security(security2, ['scope2']) }, ({ dep1, dep2 }) => ({ dep1, dep2 }));
    @Controller()
    class ScopesController {
      @Get('/scopes')
      scopes(@Security(dep3, ['scope3']) value: unknown) {
        return value;
      }
    }
    const res = await new TestClient(createApp({ controllers: [ScopesController] })).get('/scopes');
    expect(res.json()).toEqual({ dep1: ['scope3', 'scope1'], dep2: ['scope3', 'scope2'] });
  });

  it('evaluate a dependency once per request when no scopes reach it', async () => {
    let calls = 0;
    const getDb = defineDependency({}, () => `db_${++calls}`);
    const getUser = defineDependency({ db: Depends(getDb) }, () => 'user');
    @Controller()
    class DbController {
      @Get('/')
      read(@Depends(getDb) db: string, @Security(getUser, ['read']) _user: string) {
        return { db };
      }
    }
    const res = await new TestClient(createApp({ controllers: [DbController] })).get('/');
    expect(res.json()).toEqual({ db: 'db_1' });
    expect(calls).toBe(1);
  });

  it('evaluate a scope-reading dependency once per distinct set of scopes', async () => {
    const counts = { session: 0, currentUser: 0, userMe: 0, userItems: 0 };
    const getDbSession = defineDependency({}, () => `db_session_${++counts.session}`);
    const getCurrentUser = defineDependency({ securityScopes: SecurityScopes, dbSession: Depends(getDbSession) }, ({ securityScopes, dbSession }) => ({
      user: `user_${++counts.currentUser}`,
      scopes: securityScopes.scopes,
      db_session: dbSession,
    }));
    const getUserMe = defineDependency({ currentUser: Security(getCurrentUser, ['me']) }, ({ currentUser }) => ({
      user_me: `user_me_${++counts.userMe}`,
      current_user: currentUser,
    }));
    const getUserItems = defineDependency({ userMe: Depends(getUserMe) }, ({ userMe }) => ({ user_items: `user_items_${++counts.userItems}`, user_me: userMe }));
    @Controller()
    class PathController {
      @Get('/')
      read(@Depends(getUserMe) userMe: unknown, @Security(getUserItems, ['items']) userItems: unknown) {
        return { user_me: userMe, user_items: userItems };
      }
    }
    const res = await new TestClient(createApp({ controllers: [PathController] })).get('/');
    expect(counts).toEqual({ session: 1, currentUser: 2, userMe: 2, userItems: 1 });
    expect(res.json()).toEqual({
      user_me: { user_me: 'user_me_1', current_user: { user: 'user_1', scopes: ['me'], db_session: 'db_session_1' } },
      user_items: {
        user_items: 'user_items_1',
        user_me: { user_me: 'user_me_2', current_user: { user: 'user_2', scopes: ['items', 'me'], db_session: 'db_session_1' } },
      },
    });
  });

  it('reach a dependency that reads both the scheme and the required scopes', async () => {
    const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: 'token', scopes: { me: 'Me', items: 'Items' } });
    const currentUser = defineDependency({ scopes: SecurityScopes, token: Depends(oauth2Scheme) }, ({ scopes, token }) => ({ token, scopes: scopes.scopeStr }));
    @Controller()
    class MeController {
      @Get('/me')
      me(@Security(currentUser, ['me', 'items']) user: unknown) {
        return user;
      }
    }
    const client = new TestClient(createApp({ controllers: [MeController] }));
    expect((await client.get('/me', { headers: { Authorization: 'Bearer tok' } })).json()).toEqual({ token: 'tok', scopes: 'me items' });
    expect((await client.get('/me')).status).toBe(401);
  });
});
