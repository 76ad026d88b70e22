import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { Controller, createApp, Get, type AppOptions } from '@deft/core';
import { TestClient } from '@deft/testing';

@Controller()
class Items {
  @Get('/items/')
  list() {
    return { items: Array.from({ length: 100 }, (_, i) => ({ id: i, name: `item ${i}` })) };
  }
  @Get('/small')
  small() {
    return { ok: true };
  }
}

const clientWith = (options: Partial<AppOptions>) => new TestClient(createApp({ controllers: [Items], fastify: { logger: false }, ...options }));

describe('CORS through @fastify/cors', () => {
  const client = clientWith({ cors: { origin: ['https://app.example.com'], credentials: true } });

  it('answers a preflight for an allowed origin, and marks the actual response', async () => {
    const preflight = await client.options('/items/', {
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    expect(preflight.headers['access-control-allow-headers']).toBe('authorization');
    const actual = await client.get('/small', { headers: { origin: 'https://app.example.com' } });
    expect([actual.status, actual.headers['access-control-allow-origin']]).toEqual([200, 'https://app.example.com']);
  });

  it('gives no CORS headers to another origin', async () => {
    const res = await client.get('/small', { headers: { origin: 'https://evil.example.com' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('compression through @fastify/compress', () => {
  const client = clientWith({ compression: true });

  it('compresses a body of 500 bytes or more for a client that accepts gzip, and nothing else', async () => {
    const big = await client.get('/items/', { headers: { 'accept-encoding': 'gzip' } });
    expect(big.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(big.body).toString())).toEqual({ items: expect.arrayContaining([{ id: 99, name: 'item 99' }]) });
    const small = await client.get('/small', { headers: { 'accept-encoding': 'gzip' } });
    expect([small.headers['content-encoding'], small.json()]).toEqual([undefined, { ok: true }]);
    const plain = await client.get('/items/', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });
});

describe('security headers through @fastify/helmet', () => {
  const client = clientWith({ helmet: true });

  it('sends them on API routes', async () => {
    const res = await client.get('/small');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it("gives the docs pages a Content-Security-Policy that allows their own inline scripts, by hash, and nothing else inline", async () => {
    for (const page of ['/docs', '/docs/oauth2-redirect', '/redoc']) {
      const res = await client.get(page);
      const csp = String(res.headers['content-security-policy']);
      const inline = [...res.text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, body]) => createHash('sha256').update(body!).digest('base64'));
      const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src'))!;
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      for (const hash of inline) expect(scriptSrc).toContain(`'sha256-${hash}'`);
    }
  });
});

describe('trusted hosts', () => {
  const client = clientWith({ trustedHosts: ['api.example.com', '*.example.org'] });

  it('answers only for the listed hosts (with any port), and 400 for the others', async () => {
    expect((await client.get('/small', { headers: { host: 'api.example.com:8443' } })).status).toBe(200);
    expect((await client.get('/small', { headers: { host: 'eu.example.org' } })).status).toBe(200);
    const forged = await client.get('/small', { headers: { host: 'evil.example.com' } });
    expect([forged.status, forged.json()]).toEqual([400, { detail: 'Invalid host header' }]);
  });
});

describe('HTTPS redirect', () => {
  it('sends a plain-HTTP request to the same URL over HTTPS with a 307', async () => {
    const res = await clientWith({ httpsRedirect: true }).get('/items/?limit=5', { headers: { host: 'api.example.com' } });
    expect([res.status, res.headers.location]).toEqual([307, 'https://api.example.com/items/?limit=5']);
  });

  it('lets HTTPS requests through, as a proxy reports them', async () => {
    const client = new TestClient(createApp({ controllers: [Items], httpsRedirect: true, fastify: { logger: false, trustProxy: true } }));
    expect((await client.get('/small', { headers: { host: 'api.example.com', 'x-forwarded-proto': 'https' } })).status).toBe(200);
  });
});
