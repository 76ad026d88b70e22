import { TestClient } from '@deft/testing';
import { app as functionApp } from './function-dependency';
import { app as classApp } from './class-dependency';
import { app as subApp } from './sub-dependencies';
import { app as routeApp } from './route-dependencies';
import { app as teardownApp, Session } from './teardown';
import { app as resolveApp } from './class-resolve';
import { app as cachingApp } from './caching';
import { app as scopesApp, Pool, transactions } from './scopes';

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('docs/dependencies.md', () => {
  it('shares query parameters through a function dependency', async () => {
    const client = new TestClient(functionApp);
    expect((await client.get('/items/')).json()).toEqual({ q: null, skip: 0, limit: 100 });
    expect((await client.get('/users/', { query: { q: 'foo', skip: 5, limit: 30 } })).json()).toEqual({ q: 'foo', skip: 5, limit: 30 });
    expect((await client.get('/items/', { query: { skip: 'x' } })).status).toBe(422);
  });

  it('uses a class as a dependency', async () => {
    const client = new TestClient(classApp);
    expect((await client.get('/items/', { query: { skip: 1, limit: 1 } })).json()).toEqual({ items: [{ item_name: 'Bar' }] });
    expect((await client.get('/items/', { query: { q: 'x' } })).json()).toEqual({
      q: 'x',
      items: [{ item_name: 'Foo' }, { item_name: 'Bar' }, { item_name: 'Baz' }],
    });
  });

  it('falls back from the query to a cookie through a sub-dependency', async () => {
    const client = new TestClient(subApp);
    expect((await client.get('/items/', { query: { q: 'query' }, cookies: { last_query: 'cookie' } })).json()).toEqual({ q_or_cookie: 'query' });
    expect((await client.get('/items/', { cookies: { last_query: 'cookie' } })).json()).toEqual({ q_or_cookie: 'cookie' });
    expect((await client.get('/items/')).json()).toEqual({ q_or_cookie: null });
  });

  it('checks headers through controller and route dependencies', async () => {
    const client = new TestClient(routeApp);
    const headers = { 'x-token': 'fake-super-secret-token', 'x-key': 'fake-super-secret-key' };
    expect((await client.get('/items/', { headers })).json()).toEqual([{ item: 'Foo' }, { item: 'Bar' }]);
    expect((await client.get('/items/', { headers: { ...headers, 'x-token': 'bad' } })).json()).toEqual({ detail: 'X-Token header invalid' });
    expect((await client.get('/items/', { headers: { ...headers, 'x-key': 'bad' } })).json()).toEqual({ detail: 'X-Key header invalid' });
    expect((await client.get('/items/')).json()).toEqual({
      detail: [
        { type: 'missing', loc: ['header', 'x-token'], msg: 'Field required', input: null },
        { type: 'missing', loc: ['header', 'x-key'], msg: 'Field required', input: null },
      ],
    });
  });

  it('commits after a success, rolls back on an error, and always closes', async () => {
    const client = new TestClient(teardownApp);
    Session.log.length = 0;
    expect((await client.get('/orders/o1')).json()).toEqual({ orderId: 'o1', session: 1 });
    await until(() => Session.log.includes('close 1'));
    expect((await client.get('/orders/o2')).status).toBe(404);
    expect(Session.log).toEqual(['open 1', 'commit 1', 'close 1', 'open 2', 'rollback 2: Order not found', 'close 2']);
    Session.log.length = 0;
    expect((await client.get('/locked')).json()).toEqual({ held: true });
    await until(() => Session.log.includes('unlock'));
    expect(Session.log).toEqual(['lock', 'unlock']);
  });

  it("commits before the response with scope: 'function'", async () => {
    const client = new TestClient(teardownApp);
    Session.log.length = 0;
    const res = await client.post('/payments');
    expect(res.status).toBe(201);
    const id = res.json<{ session: number }>().session;
    expect(Session.log).toEqual([`open ${id}`, `commit ${id}`, `close ${id}`]);
  });

  it('resolves a class with services and scopes', async () => {
    const client = new TestClient(resolveApp);
    expect((await client.get('/users/me', { headers: { 'x-token': 'token-bob' } })).json()).toEqual({ username: 'bob' });
    expect((await client.get('/users/me/items', { headers: { 'x-token': 'token-bob' } })).json()).toEqual({ detail: 'Missing scopes: items' });
    expect((await client.get('/users/me/items', { headers: { 'x-token': 'token-alice' } })).json()).toEqual([{ owner: 'alice', item: 'Foo' }]);
    expect((await client.get('/users/me', { headers: { 'x-token': 'nope' } })).status).toBe(401);
  });

  it('evaluates a dependency once per request unless useCache is false', async () => {
    const client = new TestClient(cachingApp);
    const first = (await client.get('/cached')).json<{ a: number; b: number }>();
    expect(first.a).toBe(first.b);
    const fresh = (await client.get('/fresh')).json<{ a: number; b: number }>();
    expect(fresh.b).toBe(fresh.a + 1);
  });

  it("shares one app-scoped pool across routes and requests, and ends it when the app closes", async () => {
    const client = new TestClient(scopesApp);
    expect((await client.get('/reports/daily')).json()).toEqual({ result: 'SELECT 1 on pool 1' });
    expect((await client.get('/reports/weekly')).json()).toEqual({ result: 'SELECT 7 on pool 1' });
    expect((await client.get('/orders/')).json()).toEqual({ tx: 1 });
    await client.get('/orders/hang-up').catch(() => undefined);
    await until(() => transactions.length === 2);
    expect(transactions).toEqual(['commit 1', 'rollback 2: client gone']);
    await scopesApp.close();
    expect(Pool.instances.map((pool) => pool.ended)).toEqual([true]);
  });
});

