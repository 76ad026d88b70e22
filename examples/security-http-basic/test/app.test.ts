import { TestClient, type TestResponse } from '@deft/testing';
import { createHttpBasicApp } from '../src/app';
import { createCredentialsApp } from '../src/credentials-app';

function basic(username: string, password: string): { Authorization: string } {
  return { Authorization: `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}` };
}

function expectUnauthorized(res: TestResponse, detail: string): void {
  expect({ status: res.status, challenge: res.headers['www-authenticate'], body: res.json() }).toEqual({ status: 401, challenge: 'Basic', body: { detail } });
}

describe.each([
  ['reading the credentials', createCredentialsApp],
  ['checking the credentials', createHttpBasicApp],
])('security: HTTP Basic, %s', (_name, create) => {
  const client = new TestClient(create());

  it('answers 401 with a Basic challenge without credentials', async () => {
    expectUnauthorized(await client.get('/users/me'), 'Not authenticated');
  });

  it('answers 401 to credentials that do not decode, or have no colon', async () => {
    expectUnauthorized(await client.get('/users/me', { headers: { Authorization: 'Basic notabase64token' } }), 'Not authenticated');
    const noColon = `Basic ${Buffer.from('johnsecret').toString('base64')}`;
    expectUnauthorized(await client.get('/users/me', { headers: { Authorization: noColon } }), 'Not authenticated');
  });
});

describe('security: HTTP Basic, reading the credentials', () => {
  it('gives the handler the username and password', async () => {
    const res = await new TestClient(createCredentialsApp()).get('/users/me', { headers: basic('john', 'secret') });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ username: 'john', password: 'secret' });
  });
});

describe('security: HTTP Basic, checking the credentials', () => {
  const client = new TestClient(createHttpBasicApp());

  it('accepts the right username and password', async () => {
    const res = await client.get('/users/me', { headers: basic('stanleyjobson', 'swordfish') });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ username: 'stanleyjobson' });
  });

  it.each([
    ['username', 'alice', 'swordfish'],
    ['password', 'stanleyjobson', 'wrongpassword'],
    ['password, a prefix of the right one', 'stanleyjobson', 'sword'],
  ])('answers 401 to a wrong %s', async (_case, username, password) => {
    expectUnauthorized(await client.get('/users/me', { headers: basic(username, password) }), 'Incorrect username or password');
  });
});
