import { TestClient } from '@deft/testing';
import { app } from './forbidden-status';

describe('answering 403 instead of 401', () => {
  const client = new TestClient(app);

  it('answers 403, without a challenge, when the token is missing', async () => {
    const res = await client.get('/me');
    expect(res.status).toBe(403);
    expect(res.headers['www-authenticate']).toBeUndefined();
    expect(res.json()).toEqual({ detail: 'Not authenticated' });
  });

  it('still accepts a bearer token', async () => {
    const res = await client.get('/me', { headers: { Authorization: 'Bearer secret' } });
    expect(res.json()).toEqual({ message: 'You are authenticated', token: 'secret' });
  });

  it('keeps the scheme name of the subclass in OpenAPI', async () => {
    const document = (await client.get('/openapi.json')).json<{ components: { securitySchemes: unknown } }>();
    expect(document.components.securitySchemes).toEqual({ HTTPBearer403: { type: 'http', scheme: 'bearer' } });
  });
});
