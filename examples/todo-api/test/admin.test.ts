import { TestApp, targets } from './support/test-app';

describe.each(targets)('GET /admin/users on $name', ({ dialect, available }) => {
  const run = available ? it : it.skip;
  let t: TestApp;
  beforeAll(async () => {
    if (!available) return;
    t = await TestApp.start(dialect);
    for (const name of ['gina', 'hank', 'ivan']) await t.newUser(name);
  });
  afterAll(async () => {
    await t?.close();
  });

  run('lists every account, a page at a time, for a token with the admin scope', async () => {
    const headers = await t.login();
    const all = await t.client.get('/admin/users', { headers });
    expect(all.status).toBe(200);
    expect(all.json<{ username: string }[]>().map((u) => u.username)).toEqual(['johndoe', 'gina', 'hank', 'ivan']);
    expect(all.text).not.toMatch(/hashed|password/i);
    const page = await t.client.get('/admin/users', { headers, query: { limit: 2, offset: 1 } });
    expect(page.json<{ username: string }[]>().map((u) => u.username)).toEqual(['gina', 'hank']);
    expect((await t.client.get('/admin/users', { headers, query: { limit: 1000 } })).status).toBe(422);
  });

  run('answers 403 naming the admin scope to an account without it, and to a token that did not ask for it', async () => {
    for (const headers of [await t.login('gina', 'correct horse'), await t.login('johndoe', 'secret', 'todos:read todos:write')]) {
      const res = await t.client.get('/admin/users', { headers });
      expect(res.status).toBe(403);
      expect(res.headers['www-authenticate']).toBe('Bearer scope="admin", error="insufficient_scope"');
      expect(res.json()).toEqual({ detail: 'Not enough permissions' });
    }
  });

  run('answers 401 without a token', async () => {
    const res = await t.client.get('/admin/users');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });
});
