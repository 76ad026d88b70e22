import { TestClient } from '@deft/testing';
import { app } from '../src/app';

describe('security first steps', () => {
  // #region client
  const client = new TestClient(app);

  it('answers 401 with a Bearer challenge without a token', async () => {
    const res = await client.get('/items/');
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toEqual({ detail: 'Not authenticated' });
  });
  // #endregion client

  it('gives the handler the bearer token', async () => {
    const res = await client.get('/items/', { headers: { Authorization: 'Bearer testtoken' } });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ token: 'testtoken' });
  });

  it('answers 401 for another authorization scheme', async () => {
    const res = await client.get('/items/', { headers: { Authorization: 'Notexistent testtoken' } });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toEqual({ detail: 'Not authenticated' });
  });
});
