import { TestApp, targets } from './support/test-app';

describe.each(targets)('accounts and tokens on $name', ({ dialect, available }) => {
  const run = available ? it : it.skip;
  let t: TestApp;
  beforeAll(async () => {
    if (available) t = await TestApp.start(dialect);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('POST /auth/register', () => {
    run('creates an account with the default scopes and never returns the password or its hash', async () => {
      const res = await t.client.post('/auth/register', {
        json: { username: 'alice', email: 'alice@example.com', password: 'wonderland', fullName: 'Alice Liddell', admin: true },
      });
      expect(res.status).toBe(201);
      expect(res.json()).toEqual({
        id: expect.any(Number),
        username: 'alice',
        email: 'alice@example.com',
        fullName: 'Alice Liddell',
        scopes: ['todos:read', 'todos:write'],
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      expect(res.text).not.toMatch(/password|argon2/i);
    });

    run('answers 409 for a username or an email that is taken', async () => {
      const taken = await t.client.post('/auth/register', { json: { username: 'johndoe', email: 'new@example.com', password: 'whatever1' } });
      expect(taken.status).toBe(409);
      expect(taken.json()).toEqual({ detail: 'That username is already registered' });
      const email = await t.client.post('/auth/register', { json: { username: 'johnny', email: 'johndoe@example.com', password: 'whatever1' } });
      expect(email.status).toBe(409);
      expect(email.json()).toEqual({ detail: 'That email is already registered' });
    });

    run('validates the username pattern, the email format and the password length (422, FastAPI’s shape)', async () => {
      const res = await t.client.post('/auth/register', { json: { username: 'No Spaces', email: 'not-an-email', password: 'short' } });
      expect(res.status).toBe(422);
      const detail = res.json<{ detail: { loc: unknown[] }[] }>().detail;
      expect(detail.map((d) => d.loc)).toEqual(expect.arrayContaining([['body', 'username'], ['body', 'email'], ['body', 'password']]));
      expect(detail).toHaveLength(3);
    });

    run('requires a body', async () => {
      const res = await t.client.post('/auth/register');
      expect(res.status).toBe(422);
      expect(res.json()).toEqual({ detail: [expect.objectContaining({ type: 'missing', loc: ['body'] })] });
    });
  });

  describe('POST /auth/token', () => {
    run('issues a bearer token with every scope of the account when none is asked for', async () => {
      const res = await t.token('johndoe', 'secret');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.json()).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 1800, scope: 'todos:read todos:write admin' });
    });

    run('grants only the scopes asked for that the account has', async () => {
      await t.newUser('bob');
      const res = await t.token('bob', 'correct horse', 'todos:read admin unknown');
      expect(res.status).toBe(200);
      expect(res.json()).toMatchObject({ scope: 'todos:read' });
    });

    run('answers 400 for a wrong password and for an unknown user alike', async () => {
      for (const [username, password] of [
        ['johndoe', 'wrong'],
        ['nobody', 'secret'],
      ]) {
        const res = await t.token(username!, password!);
        expect(res.status).toBe(400);
        expect(res.json()).toEqual({ detail: 'Incorrect username or password' });
      }
    });

    run('requires the form fields and refuses another grant_type', async () => {
      const missing = await t.client.post('/auth/token', { form: { username: 'johndoe' } });
      expect(missing.status).toBe(422);
      expect(missing.json()).toEqual({ detail: [expect.objectContaining({ type: 'missing', loc: ['body', 'password'] })] });
      const grant = await t.client.post('/auth/token', { form: { grant_type: 'client_credentials', username: 'johndoe', password: 'secret' } });
      expect(grant.status).toBe(422);
      expect(grant.json()).toEqual({ detail: [expect.objectContaining({ type: 'string_pattern_mismatch', loc: ['body', 'grant_type'] })] });
    });
  });

  describe('GET /users/me', () => {
    run('returns the account of the token', async () => {
      const res = await t.client.get('/users/me', { headers: await t.login() });
      expect(res.status).toBe(200);
      expect(res.json()).toMatchObject({ username: 'johndoe', email: 'johndoe@example.com', scopes: ['todos:read', 'todos:write', 'admin'] });
    });

    run('answers 401 with a Bearer challenge without a token', async () => {
      const res = await t.client.get('/users/me');
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.json()).toEqual({ detail: 'Not authenticated' });
    });

    run('answers 401 for a malformed token, and for one signed with another key', async () => {
      const other = await TestApp.start('sqlite', { JWT_SECRET: 'another secret that is long enough for HS256' });
      try {
        const foreign = await other.login();
        for (const authorization of ['Bearer not-a-jwt', foreign.authorization]) {
          const res = await t.client.get('/users/me', { headers: { authorization } });
          expect(res.status).toBe(401);
          expect(res.headers['www-authenticate']).toBe('Bearer');
          expect(res.json()).toEqual({ detail: 'Could not validate credentials' });
        }
      } finally {
        await other.close();
      }
    });

    // #region fake-clock
    run('accepts a token until it expires: a fake clock through dependencyOverrides', async () => {
      const headers = await t.login();
      t.advance(30 * 60 - 1);
      expect((await t.client.get('/users/me', { headers })).status).toBe(200);
      t.advance(1);
      const expired = await t.client.get('/users/me', { headers });
      expect(expired.status).toBe(401);
      expect(expired.json()).toEqual({ detail: 'Could not validate credentials' });
    });
    // #endregion fake-clock
  });

  run('writes an audit line after each successful request, none after a failed one', async () => {
    t.audit.lines.length = 0;
    await t.newUser('carol');
    await t.token('carol', 'wrong');
    await new Promise((resolve) => setImmediate(resolve));
    const at = t.now.toISOString();
    expect(t.audit.lines).toEqual([
      { audit: 'user.registered', at, user: 'carol' },
      { audit: 'token.issued', at, user: 'carol' },
    ]);
  });
});
