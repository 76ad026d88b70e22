import { TestClient } from '@deft/testing';
import { createSimpleOAuth2App } from '../src/app';

describe('security: simple OAuth2 with password and bearer', () => {
  const client = new TestClient(createSimpleOAuth2App());

  function expectNotAuthenticated(res: { status: number; headers: Record<string, unknown>; json(): unknown }) {
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toEqual({ detail: 'Not authenticated' });
  }

  it('logs in with the password form', async () => {
    const res = await client.post('/token', { form: { username: 'johndoe', password: 'secret' } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ access_token: 'johndoe', token_type: 'bearer' });
  });

  it.each([
    ['a wrong password', { username: 'johndoe', password: 'incorrect' }],
    ['an unknown user', { username: 'foo', password: 'secret' }],
  ])('answers 400 to %s', async (_case, form) => {
    const res = await client.post('/token', { form });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ detail: 'Incorrect username or password' });
  });

  it('answers 422 to a login without the form fields', async () => {
    const res = await client.post('/token');
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({
      detail: [
        { type: 'missing', loc: ['body', 'username'], msg: 'Field required', input: null },
        { type: 'missing', loc: ['body', 'password'], msg: 'Field required', input: null },
      ],
    });
  });

  it('answers 401 without a token', async () => {
    expectNotAuthenticated(await client.get('/users/me'));
  });

  it('returns the current user for a valid token (this tutorial step still leaks the hash)', async () => {
    const res = await client.get('/users/me', { headers: { Authorization: 'Bearer johndoe' } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      username: 'johndoe',
      full_name: 'John Doe',
      email: 'johndoe@example.com',
      hashed_password: 'fakehashedsecret',
      disabled: false,
    });
  });

  it('answers 401 for an unknown token or another scheme', async () => {
    expectNotAuthenticated(await client.get('/users/me', { headers: { Authorization: 'Bearer nonexistent' } }));
    expectNotAuthenticated(await client.get('/users/me', { headers: { Authorization: 'Notexistent testtoken' } }));
  });

  it('answers 400 for an inactive user', async () => {
    const res = await client.get('/users/me', { headers: { Authorization: 'Bearer alice' } });
    expect(res.status).toBe(400);
    expect(res.json()).toEqual({ detail: 'Inactive user' });
  });
});
