import { postgresServerUrl, ScratchDatabase } from './support/postgres';
import { TestApp } from './support/test-app';

/**
 * Several instances behind a load balancer: two apps share one PostgreSQL
 * database and one JWT_SECRET, and nothing about a session lives in either
 * process, so any request may go to either.
 */
if (postgresServerUrl === undefined) {
  if (process.env.CI) {
    it('has a PostgreSQL server in CI', () => {
      throw new Error('DEFT_TEST_POSTGRES_URL is not set: .ci/run should have started PostgreSQL');
    });
  } else {
    console.info('DEFT_TEST_POSTGRES_URL is not set: the todo-api tests on PostgreSQL are skipped (.ci/run starts a server and runs them).');
    it.skip('two instances share a PostgreSQL database (needs DEFT_TEST_POSTGRES_URL)', () => undefined);
  }
} else {
  describe('two instances sharing a PostgreSQL database', () => {
    let scratch: ScratchDatabase;
    let a: TestApp;
    let b: TestApp;
    beforeAll(async () => {
      scratch = await ScratchDatabase.create(postgresServerUrl!);
      // Started together: the migration lock and the seed's ON CONFLICT keep them from tripping over each other.
      [a, b] = await Promise.all([TestApp.start('postgres', { DATABASE_URL: scratch.url }), TestApp.start('postgres', { DATABASE_URL: scratch.url })]);
    });
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()]);
      await scratch?.drop();
    });

    it('seeded the demo account once', async () => {
      const users = await a.client.get('/admin/users', { headers: await a.login() });
      expect(users.json()).toEqual([expect.objectContaining({ username: 'johndoe' })]);
    });

    // #region token-across-instances
    it('accepts on one instance a token issued by the other', async () => {
      const fromA = await a.login();
      const fromB = await b.login();
      for (const [instance, headers] of [
        [b, fromA],
        [a, fromB],
      ] as const) {
        const res = await instance.client.get('/users/me', { headers });
        expect(res.status).toBe(200);
        expect(res.json()).toMatchObject({ username: 'johndoe' });
      }
    });
    // #endregion token-across-instances

    it('sees on one instance what was written through the other', async () => {
      const register = await a.client.post('/auth/register', { json: { username: 'frank', email: 'frank@example.com', password: 'correct horse' } });
      expect(register.status).toBe(201);
      const frank = await b.login('frank', 'correct horse');
      const created = await b.client.post('/todos', { headers: frank, json: { title: 'Shared' } });
      expect(created.status).toBe(201);
      const listed = await a.client.get('/todos', { headers: frank });
      expect(listed.json()).toMatchObject({ total: 1, items: [{ title: 'Shared' }] });
      const duplicate = await b.client.post('/auth/register', { json: { username: 'frank', email: 'other@example.com', password: 'correct horse' } });
      expect(duplicate.status).toBe(409);
    });

    it('keeps serving after the server ended its connections', async () => {
      const headers = await a.login();
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        await scratch.terminateConnections();
        await new Promise((resolve) => setTimeout(resolve, 100));
        const res = await a.client.get('/users/me', { headers });
        expect(res.status).toBe(200);
        expect(warn).toHaveBeenCalledWith(expect.stringContaining('PostgreSQL: an idle connection failed and was dropped'));
      } finally {
        warn.mockRestore();
      }
    });

    it('refuses a token signed with another JWT_SECRET', async () => {
      const stranger = await TestApp.start('postgres', { DATABASE_URL: scratch.url, JWT_SECRET: 'a different secret, also long enough for HS256' });
      try {
        const res = await a.client.get('/users/me', { headers: await stranger.login() });
        expect(res.status).toBe(401);
      } finally {
        await stranger.close();
      }
    });
  });
}
