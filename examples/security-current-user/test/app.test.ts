import { TestClient } from '@deft/testing';
import { createCurrentUserApp } from '../src/app';

describe('security: get the current user', () => {
  const client = new TestClient(createCurrentUserApp());

  it('answers 401 with a Bearer challenge without a token', async () => {
    const res = await client.get('/users/me');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toEqual({ detail: 'Not authenticated' });
  });

  it('decodes the token into the user', async () => {
    const res = await client.get('/users/me', { headers: { Authorization: 'Bearer testtoken' } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ username: 'testtokenfakedecoded', email: 'john@example.com', full_name: 'John Doe', disabled: null });
  });
});
