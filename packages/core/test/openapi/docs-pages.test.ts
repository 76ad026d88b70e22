import 'reflect-metadata';
import { Controller, createApp, Get, type AppOptions } from '@deft/core';
import { TestClient } from '@deft/testing';

@Controller()
class Items {
  @Get('/items/')
  readItems() {
    return [];
  }
}

function clientWith(options: Partial<AppOptions> = {}): TestClient {
  return new TestClient(createApp({ controllers: [Items], fastify: { logger: false }, ...options }));
}

describe('/openapi.json', () => {
  it('serves the document as JSON', async () => {
    const app = createApp({ controllers: [Items], fastify: { logger: false } });
    const res = await new TestClient(app).get('/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toEqual(app.openapi());
  });

  it('leaves its own routes and the docs pages out of the document', async () => {
    const res = await clientWith().get('/openapi.json');
    expect(Object.keys(res.json<{ paths: object }>().paths)).toEqual(['/items/']);
  });

  it('is served at openapiUrl', async () => {
    const client = clientWith({ openapiUrl: '/api/v1/openapi.json' });
    expect((await client.get('/api/v1/openapi.json')).status).toBe(200);
    expect((await client.get('/openapi.json')).status).toBe(404);
  });

  it('answers 500 when the document cannot be built (a developer error)', async () => {
    @Controller()
    class Twice {
      @Get('/one', { operationId: 'same' }) one() {}
      @Get('/two', { operationId: 'same' }) two() {}
    }
    const client = new TestClient(createApp({ controllers: [Twice], fastify: { logger: false } }));
    expect((await client.get('/openapi.json')).status).toBe(500);
  });
});

describe('/docs (Swagger UI)', () => {
  it('serves a page that loads Swagger UI from the app itself, never a CDN', async () => {
    const res = await clientWith({ title: 'Shop' }).get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('<title>Shop - Swagger UI</title>');
    expect(res.text).toContain('<script src="docs/assets/swagger-ui-bundle.js"></script>');
    expect(res.text).toContain('<link rel="stylesheet" href="docs/assets/swagger-ui.css">');
    expect(res.text).toContain('<link rel="icon" href="docs/assets/favicon-32x32.png">');
    expect(res.text).toContain('settings.url = new URL("openapi.json", window.location.href).href;');
    expect(res.text).toContain('settings.oauth2RedirectUrl = new URL("docs/oauth2-redirect", window.location.href).href;');
    expect(res.text).not.toMatch(/https?:\/\//);
  });

  it("applies FastAPI's Swagger UI defaults, then swaggerUiParameters", async () => {
    const res = await clientWith({ swaggerUiParameters: { deepLinking: false, persistAuthorization: true } }).get('/docs');
    expect(res.text).toContain(
      'const settings = {"dom_id":"#swagger-ui","layout":"BaseLayout","deepLinking":false,"showExtensions":true,"showCommonExtensions":true,"validatorUrl":null,"persistAuthorization":true};',
    );
    expect(res.text).not.toContain('initOAuth');
  });

  it('passes swaggerUiInitOAuth to initOAuth, escaped for the script element', async () => {
    const res = await clientWith({ swaggerUiInitOAuth: { clientId: 'my-client', appName: 'x</script>&', usePkceWithAuthorizationCodeGrant: true } }).get('/docs');
    expect(res.text).toContain(
      'window.ui.initOAuth({"clientId":"my-client","appName":"x\\u003c/script\\u003e\\u0026","usePkceWithAuthorizationCodeGrant":true});',
    );
  });

  it('takes docsTitle and docsFaviconUrl, escaped for HTML', async () => {
    const res = await clientWith({ docsTitle: 'Shop <API>', docsFaviconUrl: '/static/icon.svg' }).get('/docs');
    expect(res.text).toContain('<title>Shop &lt;API&gt;</title>');
    expect(res.text).toContain('<link rel="icon" href="/static/icon.svg">');
  });

  it('serves the Swagger UI files', async () => {
    const client = clientWith();
    const script = await client.get('/docs/assets/swagger-ui-bundle.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(script.text).toContain('SwaggerUIBundle');
    const css = await client.get('/docs/assets/swagger-ui.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.text).toContain('.swagger-ui');
    const icon = await client.get('/docs/assets/favicon-32x32.png');
    expect(icon.headers['content-type']).toBe('image/png');
    expect((await client.get('/docs/assets/other.js')).status).toBe(404);
  });

  it('serves the OAuth2 redirect page that hands the result back to Swagger UI', async () => {
    const res = await clientWith().get('/docs/oauth2-redirect');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.text).toContain('window.opener.swaggerUIRedirectOauth2');
  });

  it('moves with docsUrl, relative URLs following', async () => {
    const client = clientWith({ docsUrl: '/api/docs', openapiUrl: '/api/openapi.json' });
    const res = await client.get('/api/docs');
    expect(res.text).toContain('settings.url = new URL("openapi.json", window.location.href).href;');
    expect(res.text).toContain('<script src="docs/assets/swagger-ui-bundle.js"></script>');
    expect((await client.get('/api/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
    expect((await client.get('/api/docs/oauth2-redirect')).status).toBe(200);
    expect((await client.get('/docs')).status).toBe(404);
  });

  it('uses swaggerUiOauth2RedirectUrl, or none when null', async () => {
    const moved = clientWith({ swaggerUiOauth2RedirectUrl: '/auth/callback' });
    expect((await moved.get('/docs')).text).toContain('new URL("auth/callback", window.location.href)');
    expect((await moved.get('/auth/callback')).status).toBe(200);
    const none = clientWith({ swaggerUiOauth2RedirectUrl: null });
    expect((await none.get('/docs')).text).not.toContain('oauth2RedirectUrl');
    expect((await none.get('/docs/oauth2-redirect')).status).toBe(404);
  });

  it('is disabled by docsUrl: null, with its redirect page', async () => {
    const client = clientWith({ docsUrl: null });
    expect((await client.get('/docs')).status).toBe(404);
    expect((await client.get('/docs/oauth2-redirect')).status).toBe(404);
    expect((await client.get('/redoc')).status).toBe(200);
  });
});

describe('/redoc', () => {
  it('serves a page that loads ReDoc from the app itself, without web fonts', async () => {
    const client = clientWith({ title: 'Shop' });
    const res = await client.get('/redoc');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<title>Shop - ReDoc</title>');
    expect(res.text).toContain('<redoc spec-url="openapi.json"></redoc>');
    expect(res.text).toContain('<script src="redoc/assets/redoc.standalone.js"></script>');
    expect(res.text).not.toMatch(/https?:\/\//);
    const script = await client.get('/redoc/assets/redoc.standalone.js');
    expect(script.status).toBe(200);
    expect(script.text).toContain('Redoc');
  });

  it('moves with redocUrl and is disabled by null', async () => {
    const moved = clientWith({ redocUrl: '/reference/redoc' });
    expect((await moved.get('/reference/redoc')).text).toContain('<redoc spec-url="../openapi.json"></redoc>');
    expect((await moved.get('/reference/redoc/assets/redoc.standalone.js')).status).toBe(200);
    const none = clientWith({ redocUrl: null });
    expect((await none.get('/redoc')).status).toBe(404);
    expect((await none.get('/docs')).status).toBe(200);
  });
});

describe('openapiUrl: null', () => {
  it('disables the document and every docs page', async () => {
    const client = clientWith({ openapiUrl: null });
    for (const url of ['/openapi.json', '/docs', '/docs/oauth2-redirect', '/redoc', '/docs/assets/swagger-ui-bundle.js']) {
      expect((await client.get(url)).status).toBe(404);
    }
    expect((await client.get('/items/')).status).toBe(200);
  });
});

describe('methods of the docs routes (as FastAPI\'s: GET and HEAD)', () => {
  it.each(['/openapi.json', '/docs', '/docs/oauth2-redirect', '/redoc', '/docs/assets/swagger-ui.css'])('HEAD %s answers GET\'s headers without a body', async (path) => {
    const client = clientWith();
    const get = await client.get(path);
    const head = await client.head(path);
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.text)));
    expect(head.text).toBe('');
  });

  it('answers other methods 405 with the methods allowed', async () => {
    const res = await clientWith().post('/docs');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.json()).toEqual({ detail: 'Method Not Allowed' });
  });

  it('leaves HEAD on the API\'s own GET routes answered 405, as FastAPI does', async () => {
    const res = await clientWith().head('/items/');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET');
  });

  it('registers nothing when the document is disabled', async () => {
    const client = clientWith({ openapiUrl: null });
    expect((await client.head('/docs')).status).toBe(404);
    expect((await client.post('/openapi.json')).status).toBe(404);
  });
});
