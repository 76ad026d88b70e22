import { TestClient, type TestResponse } from '@deft/testing';
import { SignJWT } from 'jose';
import { createScopesApp } from '../src/app';

const KEY = new TextEncoder().encode('09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7');

function sign(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setExpirationTime('5m').sign(KEY);
}

function expectUnauthorized(res: TestResponse, detail: string, challenge: string): void {
  expect({ status: res.status, challenge: res.headers['www-authenticate'], body: res.json() }).toEqual({ status: 401, challenge, body: { detail } });
}

describe('security: OAuth2 scopes', () => {
  const client = new TestClient(createScopesApp());

  async function accessToken(options: { username?: string; password?: string; scope?: string } = {}): Promise<string> {
    const form: Record<string, string> = { username: options.username ?? 'johndoe', password: options.password ?? 'secret' };
    if (options.scope) form.scope = options.scope;
    return (await client.post('/token', { form })).json<{ access_token: string }>().access_token;
  }

  function get(path: string, token: string): Promise<TestResponse> {
    return client.get(path, { headers: { Authorization: `Bearer ${token}` } });
  }

  it('logs in, putting the requested scopes in the token', async () => {
    const res = await client.post('/token', { form: { username: 'johndoe', password: 'secret', scope: 'me items' } });
    expect(res.status).toBe(200);
    const body = res.json<{ access_token: string; token_type: string }>();
    expect(body.token_type).toBe('bearer');
    const claims = JSON.parse(Buffer.from(body.access_token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ sub: 'johndoe', scope: 'me items' });
  });

  it.each([
    ['a wrong password', 'johndoe', 'incorrect'],
    ['an unknown user', 'foo', 'secret'],
  ])('answers 400 to %s', async (_case, username, password) => {
    const res = await client.post('/token', { form: { username, password } });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ detail: 'Incorrect username or password' });
  });

  it('answers 401 Not authenticated without a bearer token', async () => {
    expectUnauthorized(await client.get('/users/me/'), 'Not authenticated', 'Bearer');
    expectUnauthorized(await client.get('/users/me/', { headers: { Authorization: 'Notexistent testtoken' } }), 'Not authenticated', 'Bearer');
    expectUnauthorized(await client.get('/status/'), 'Not authenticated', 'Bearer');
  });

  it('reads the current user with the "me" scope', async () => {
    const res = await get('/users/me/', await accessToken({ scope: 'me' }));
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ username: 'johndoe', full_name: 'John Doe', email: 'johndoe@example.com', disabled: false });
  });

  it('challenges with the required scopes when the token does not validate', async () => {
    expectUnauthorized(await get('/users/me/', 'nonexistent'), 'Could not validate credentials', 'Bearer scope="me"');
    expectUnauthorized(await get('/users/me/', await sign({ data: 'foo' })), 'Could not validate credentials', 'Bearer scope="me"');
    expectUnauthorized(await get('/users/me/', await sign({ sub: 'username:bob', scope: 'me' })), 'Could not validate credentials', 'Bearer scope="me"');
  });

  it('answers 401 Not enough permissions to a token without the scope', async () => {
    expectUnauthorized(await get('/users/me/', await accessToken()), 'Not enough permissions', 'Bearer scope="me"');
  });

  it('requires both scopes for the items, listing them in the challenge', async () => {
    expectUnauthorized(await get('/users/me/items/', await accessToken({ scope: 'me' })), 'Not enough permissions', 'Bearer scope="items me"');
    const res = await get('/users/me/items/', await accessToken({ scope: 'me items' }));
    expect(res.status).toBe(200);
    expect(res.json()).toEqual([{ item_id: 'Foo', owner: 'johndoe' }]);
  });

  it('answers 400 for an inactive user', async () => {
    const res = await get('/users/me/', await accessToken({ username: 'alice', password: 'secretalice', scope: 'me' }));
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ detail: 'Inactive user' });
  });

  it('needs no scope for the status, and challenges without one', async () => {
    const res = await get('/status/', await accessToken());
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
    expectUnauthorized(await get('/status/', 'nonexistent'), 'Could not validate credentials', 'Bearer');
  });
});
