import { TestClient } from '@deft/testing';
import { app } from './production';

describe('docs/production-checklist.md', () => {
  const client = new TestClient(app);
  afterAll(() => app.close());

  it('refuses a body over limits.bodySize with a 413 that names the limit', async () => {
    const res = await client.post('/notes', { json: { text: 'a'.repeat(70 * 1024) } });
    expect([res.status, res.json()]).toEqual([413, { detail: 'The body is larger than 65536 bytes (limits.bodySize)' }]);
  });

  it('refuses JSON nested past limits.jsonDepth with a 413', async () => {
    const deep = '['.repeat(40) + ']'.repeat(40);
    const res = await client.post('/notes', { body: deep, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(413);
    expect((res.json() as { detail: string }).detail).toMatch(/limits\.jsonDepth/);
  });

  it('counts requests per client for the rate limit', async () => {
    const res = await client.get('/notes');
    expect([res.status, res.headers['x-ratelimit-limit']]).toEqual([200, '100']);
  });
});
