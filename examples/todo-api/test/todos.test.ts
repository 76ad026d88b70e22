import { TestApp, targets } from './support/test-app';

type Headers = { authorization: string };

describe.each(targets)('todos on $name', ({ dialect, available }) => {
  const run = available ? it : it.skip;
  let t: TestApp;
  let john: Headers;
  let dave: Headers;
  beforeAll(async () => {
    if (!available) return;
    t = await TestApp.start(dialect);
    john = await t.login();
    dave = await t.newUser('dave');
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = (headers: Headers, json: Record<string, unknown>) => t.client.post('/todos', { headers, json });

  run('creates a todo (201, Location) and answers through the response model', async () => {
    const res = await create(john, { title: 'Write the docs', description: 'Every snippet tested', ownerId: 99 });
    expect(res.status).toBe(201);
    const todo = res.json<{ id: number }>();
    expect(todo).toEqual({
      id: expect.any(Number),
      title: 'Write the docs',
      description: 'Every snippet tested',
      done: false,
      createdAt: t.now.toISOString(),
      updatedAt: t.now.toISOString(),
    });
    expect(res.headers.location).toBe(`/todos/${todo.id}`);
    expect((await t.client.get(`/todos/${todo.id}`, { headers: john })).json()).toEqual(todo);
  });

  run('validates the body (422)', async () => {
    const res = await create(john, { title: '', done: 'maybe' });
    expect(res.status).toBe(422);
    expect(res.json<{ detail: { loc: unknown[] }[] }>().detail.map((d) => d.loc)).toEqual([
      ['body', 'title'],
      ['body', 'done'],
    ]);
  });

  run('updates only the fields given (PATCH), and stamps updatedAt', async () => {
    const { id } = (await create(john, { title: 'Draft', description: 'keep me' })).json<{ id: number }>();
    t.advance(60);
    const res = await t.client.patch(`/todos/${id}`, { headers: john, json: { done: true } });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ id, title: 'Draft', description: 'keep me', done: true, updatedAt: t.now.toISOString() });
    expect(res.json<{ createdAt: string }>().createdAt).not.toBe(t.now.toISOString());
    const cleared = await t.client.patch(`/todos/${id}`, { headers: john, json: { description: null, title: 'Final' } });
    expect(cleared.json()).toMatchObject({ title: 'Final', description: null, done: true });
  });

  run('deletes (204, no body), after which the todo is gone', async () => {
    const { id } = (await create(john, { title: 'Ephemeral' })).json<{ id: number }>();
    const res = await t.client.delete(`/todos/${id}`, { headers: john });
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await t.client.get(`/todos/${id}`, { headers: john })).status).toBe(404);
    expect((await t.client.delete(`/todos/${id}`, { headers: john })).status).toBe(404);
  });

  run("answers 404 for another user's todo on every route, exactly as for one that does not exist", async () => {
    const { id } = (await create(john, { title: "John's secret" })).json<{ id: number }>();
    const missing = 999_999;
    for (const todoId of [id, missing]) {
      for (const res of [
        await t.client.get(`/todos/${todoId}`, { headers: dave }),
        await t.client.patch(`/todos/${todoId}`, { headers: dave, json: { done: true } }),
        await t.client.delete(`/todos/${todoId}`, { headers: dave }),
      ]) {
        expect(res.status).toBe(404);
        expect(res.json()).toEqual({ detail: 'Todo not found' });
      }
    }
    expect((await t.client.get(`/todos/${id}`, { headers: john })).json()).toMatchObject({ title: "John's secret", done: false });
  });

  run('validates the todo id in the path (422)', async () => {
    const res = await t.client.get('/todos/0', { headers: john });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({ detail: [expect.objectContaining({ type: 'greater_than_equal', loc: ['path', 'todo_id'] })] });
    expect((await t.client.get('/todos/abc', { headers: john })).status).toBe(422);
  });

  describe('GET /todos', () => {
    let erin: Headers;
    beforeAll(async () => {
      if (!available) return;
      erin = await t.newUser('erin');
      for (const [title, done] of [
        ['Buy milk', false],
        ['Buy BREAD', true],
        ['Call mum', false],
        ['100% done', true],
        ['Pay bills', false],
      ] as const) {
        await create(erin, { title, done });
      }
    });

    const list = async (query: Record<string, string | number | boolean>) => {
      const res = await t.client.get('/todos', { headers: erin, query });
      expect(res.status).toBe(200);
      const page = res.json<{ items: { title: string }[]; total: number; limit: number; offset: number }>();
      return { ...page, titles: page.items.map((i) => i.title) };
    };

    run("lists only the user's own todos, oldest first, with the total", async () => {
      const page = await list({});
      expect(page).toMatchObject({ total: 5, limit: 20, offset: 0 });
      expect(page.titles).toEqual(['Buy milk', 'Buy BREAD', 'Call mum', '100% done', 'Pay bills']);
      expect(page.items[0]).not.toHaveProperty('ownerId');
    });

    run('pages with limit and offset', async () => {
      const page = await list({ limit: 2, offset: 3 });
      expect(page).toMatchObject({ total: 5, limit: 2, offset: 3, titles: ['100% done', 'Pay bills'] });
      expect((await list({ offset: 10 })).titles).toEqual([]);
    });

    run('filters by done and by text in the title, ignoring case, with no wildcards', async () => {
      expect((await list({ done: true })).titles).toEqual(['Buy BREAD', '100% done']);
      expect((await list({ done: false, q: 'bu' })).titles).toEqual(['Buy milk']);
      expect((await list({ q: 'BUY' })).total).toBe(2);
      expect((await list({ q: '%' })).titles).toEqual(['100% done']);
      expect((await list({ q: '_' })).titles).toEqual([]);
    });

    run('bounds limit and offset, and checks done (422)', async () => {
      for (const [query, loc, type] of [
        [{ limit: 0 }, 'limit', 'greater_than_equal'],
        [{ limit: 101 }, 'limit', 'less_than_equal'],
        [{ offset: -1 }, 'offset', 'greater_than_equal'],
        [{ done: 'perhaps' }, 'done', 'bool_parsing'],
      ] as const) {
        const res = await t.client.get('/todos', { headers: erin, query });
        expect(res.status).toBe(422);
        expect(res.json()).toEqual({ detail: [expect.objectContaining({ type, loc: ['query', loc] })] });
      }
    });
  });

  describe('scopes', () => {
    run('answers 401 without a token, with the required scope in the challenge', async () => {
      const res = await t.client.get('/todos');
      expect(res.status).toBe(401);
      expect(res.json()).toEqual({ detail: 'Not authenticated' });
      const bad = await t.client.get('/todos', { headers: { authorization: 'Bearer nonsense' } });
      expect(bad.status).toBe(401);
      expect(bad.headers['www-authenticate']).toBe('Bearer scope="todos:read"');
    });

    run('a read-only token reads but cannot write: 403 with WWW-Authenticate naming the scope', async () => {
      const readOnly = await t.login('johndoe', 'secret', 'todos:read');
      expect((await t.client.get('/todos', { headers: readOnly })).status).toBe(200);
      for (const res of [
        await create(readOnly, { title: 'Nope' }),
        await t.client.patch('/todos/1', { headers: readOnly, json: { done: true } }),
        await t.client.delete('/todos/1', { headers: readOnly }),
      ]) {
        expect(res.status).toBe(403);
        expect(res.headers['www-authenticate']).toBe('Bearer scope="todos:write", error="insufficient_scope"');
        expect(res.json()).toEqual({ detail: 'Not enough permissions' });
      }
    });

    run('a write-only token cannot read', async () => {
      const writeOnly = await t.login('johndoe', 'secret', 'todos:write');
      const res = await t.client.get('/todos', { headers: writeOnly });
      expect(res.status).toBe(403);
      expect(res.headers['www-authenticate']).toBe('Bearer scope="todos:read", error="insufficient_scope"');
    });
  });

  run('audits creations, changes and deletions after the response', async () => {
    t.audit.lines.length = 0;
    t.audit.writtenAfter.length = 0;
    const before = t.audit.responsesSent;
    const { id } = (await create(dave, { title: 'Audited' })).json<{ id: number }>();
    await t.client.patch(`/todos/${id}`, { headers: dave, json: { done: true } });
    await t.client.delete(`/todos/${id}`, { headers: dave });
    await t.client.delete(`/todos/${id}`, { headers: dave });
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.audit.lines).toEqual(
      ['todo.created', 'todo.updated', 'todo.deleted'].map((audit) => ({ audit, at: t.now.toISOString(), user: 'dave', todoId: id })),
    );
    // Each line was written once its own request's response (the 1st, 2nd and 3rd of these) had been sent.
    expect(t.audit.writtenAfter).toEqual([before + 1, before + 2, before + 3]);
  });
});
