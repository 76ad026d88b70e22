import { TestClient, type TestResponse } from '@deft/testing';
import { SignJWT } from 'jose';
import { createJwtApp } from '../src/app';
import * as passwords from '../src/passwords';

// The example's development key (tokens.ts), and one that is not it.
const KEY = new TextEncoder().encode('09d25e094faa6ca2556c818166b7a9563b93f7099f6f0f4caa6cf63b88e8d3e7');
const OTHER_KEY = new TextEncoder().encode('another key, another key, another');

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function sign(claims: Record<string, unknown>, key = KEY, expiresAt: number | string = '5m'): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setExpirationTime(expiresAt).sign(key);
}

function expectCouldNotValidate(res: TestResponse): void {
  expect({ status: res.status, challenge: res.headers['www-authenticate'], body: res.json() }).toEqual({
    status: 401,
    challenge: 'Bearer',
    body: { detail: 'Could not validate credentials' },
  });
}

describe('security: OAuth2 with JWT tokens and argon2 hashes', () => {
  const client = new TestClient(createJwtApp());

  async function login(username = 'johndoe', password = 'secret'): Promise<TestResponse> {
    return client.post('/token', { form: { username, password } });
  }

  async function me(token: string, path = '/users/me/'): Promise<TestResponse> {
    return client.get(path, { headers: { Authorization: `Bearer ${token}` } });
  }

  afterEach(() => jest.restoreAllMocks());

  it('logs johndoe in with a signed HS256 token that expires in 30 minutes', async () => {
    const before = Math.floor(Date.now() / 1000);
    const res = await login();
    expect(res.status).toBe(200);
    const body = res.json<{ access_token: string; token_type: string }>();
    expect(body.token_type).toBe('bearer');
    const [header, payload] = body.access_token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload!.sub).toBe('johndoe');
    expect(payload!.exp).toBeGreaterThanOrEqual(before + 30 * 60);
    expect(payload!.exp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 30 * 60);
  });

  it.each([
    ['a wrong password', 'johndoe', 'incorrect'],
    ['an unknown user', 'foo', 'secret'],
  ])('answers 401 to %s', async (_case, username, password) => {
    const res = await login(username, password);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toEqual({ detail: 'Incorrect username or password' });
  });

  it('spends the hashing time on unknown users too', async () => {
    const verify = jest.spyOn(passwords, 'verifyPassword');
    await login('foo', 'secret');
    expect(verify).toHaveBeenCalledTimes(1);
    expect(verify).toHaveBeenCalledWith('secret', await passwords.getDummyHash());
  });

  it('reads the current user from the token, without the password hash', async () => {
    const token = (await login()).json<{ access_token: string }>().access_token;
    const res = await me(token);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ username: 'johndoe', full_name: 'John Doe', email: 'johndoe@example.com', disabled: false });
    const items = await me(token, '/users/me/items/');
    expect(items.json()).toEqual([{ item_id: 'Foo', owner: 'johndoe' }]);
  });

  it('answers 401 Not authenticated without a bearer token', async () => {
    for (const headers of [{}, { Authorization: 'Notexistent testtoken' }]) {
      const res = await client.get('/users/me/', { headers });
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.json()).toEqual({ detail: 'Not authenticated' });
    }
  });

  it('accepts any unexpired token signed with its key (the control for the rejections below)', async () => {
    expect((await me(await sign({ sub: 'johndoe' }))).status).toBe(200);
  });

  it('rejects a token that is not a JWT', async () => {
    expectCouldNotValidate(await me('nonexistent'));
  });

  it('rejects an expired token', async () => {
    expectCouldNotValidate(await me(await sign({ sub: 'johndoe' }, KEY, Math.floor(Date.now() / 1000) - 10)));
  });

  it('rejects a tampered token', async () => {
    const [header, , signature] = (await sign({ sub: 'alice' })).split('.');
    expectCouldNotValidate(await me(`${header}.${base64url({ sub: 'johndoe', exp: Math.floor(Date.now() / 1000) + 300 })}.${signature}`));
  });

  it('rejects an unsigned token (alg: none)', async () => {
    expectCouldNotValidate(await me(`${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'johndoe' })}.`));
  });

  it('rejects a token signed with another key', async () => {
    expectCouldNotValidate(await me(await sign({ sub: 'johndoe' }, OTHER_KEY)));
  });

  it.each([
    ['no sub', { data: 'foo' }],
    ['a sub that is not a string', { sub: 42 }],
    ['an unknown user', { sub: 'username:bob' }],
  ])('rejects a valid token with %s', async (_case, claims) => {
    expectCouldNotValidate(await me(await sign(claims)));
  });

  it('answers 400 for an inactive user', async () => {
    const token = (await login('alice', 'secretalice')).json<{ access_token: string }>().access_token;
    const res = await me(token);
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ detail: 'Inactive user' });
  });

  it('hashes passwords it can verify, salted', async () => {
    const first = await passwords.getPasswordHash('secretalice');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=4\$/);
    expect(await passwords.verifyPassword('secretalice', first)).toBe(true);
    expect(await passwords.verifyPassword('secretbob', first)).toBe(false);
    expect(await passwords.getPasswordHash('secretalice')).not.toBe(first);
  });
});
