import { gunzipSync } from 'node:zlib';
import { createApp, DeftError } from '@deft/core';
import { TestClient } from '@deft/testing';
import { app as routersApp } from './routers';
import { app as lifespanApp, loaded } from './lifespan';
import { app as middlewareApp, setMaintenance } from './middleware';
import { app as pluginsApp } from './plugins';
import { app as mountApp } from './mount';
import { InfoController, app as settingsApp } from './settings';
import { app as templatesApp } from './templates';

const token = { query: { token: 'jessica' }, headers: { 'x-token': 'fake-super-secret-token' } };

describe('docs/bigger-applications.md', () => {
  describe('routers', () => {
    const client = new TestClient(routersApp);

    it("answers as FastAPI's bigger-applications tutorial does", async () => {
      expect((await client.get('/users/', { query: { token: 'jessica' } })).json()).toEqual([{ username: 'Rick' }, { username: 'Morty' }]);
      expect((await client.get('/users/me', { query: { token: 'jessica' } })).json()).toEqual({ username: 'fakecurrentuser' });
      expect((await client.get('/items/', token)).json()).toEqual({ plumbus: { name: 'Plumbus' }, gun: { name: 'Portal Gun' } });
      expect((await client.get('/items/plumbus', token)).json()).toEqual({ name: 'Plumbus', item_id: 'plumbus' });
      expect((await client.get('/items/bar', token)).json()).toEqual({ detail: 'Item not found' });
      expect((await client.put('/items/plumbus', token)).json()).toEqual({ item_id: 'plumbus', name: 'The great Plumbus' });
      const forbidden = await client.put('/items/gun', token);
      expect([forbidden.status, forbidden.json()]).toEqual([403, { detail: 'You can only update the item: plumbus' }]);
      expect((await client.get('/admin/', token)).json()).toEqual({ message: 'Admin getting schwifty' });
    });

    it('runs the app dependency first, then the router\'s', async () => {
      const wrongQuery = await client.get('/items/', { query: { token: 'nope' }, headers: token.headers });
      expect([wrongQuery.status, wrongQuery.json()]).toEqual([400, { detail: 'No Jessica token provided' }]);
      const noQuery = await client.get('/items/', { headers: token.headers });
      expect(noQuery.status).toBe(422);
      const noHeader = await client.get('/items/', { query: token.query, headers: { 'x-token': 'wrong' } });
      expect([noHeader.status, noHeader.json()]).toEqual([400, { detail: 'X-Token header invalid' }]);
    });

    it('documents tags and responses merged from the router, the include site and the route', () => {
      const { paths } = routersApp.openapi();
      const put = paths['/items/{item_id}']!.put!;
      expect(put.tags).toEqual(['items', 'custom']);
      expect(Object.keys(put.responses)).toEqual(['200', '403', '404', '422']);
      const admin = paths['/admin/']!.get!;
      expect(admin.tags).toEqual(['admin']);
      expect(admin.responses['418']).toEqual({ description: "I'm a teapot" });
    });
  });

  it('runs the lifespan around the app, and hands its state to the requests', async () => {
    expect(loaded).toEqual([]);
    const client = new TestClient(lifespanApp);
    await client.start();
    expect(loaded).toEqual(['loaded']);
    expect((await client.get('/predict', { query: { x: 2 } })).json()).toEqual({ result: 84 });
    expect((await client.get('/define', { query: { word: 'deft' } })).json()).toEqual({ word: 'deft', meaning: 'skilful and quick' });
    await client.close();
    expect(loaded).toEqual(['loaded', 'released']);
  });

  it('times requests and answers early in middleware', async () => {
    const client = new TestClient(middlewareApp);
    const timed = await client.get('/hello');
    expect(timed.json()).toEqual({ hello: 'world' });
    expect(Number(timed.headers['x-process-time'])).toBeGreaterThanOrEqual(0);
    setMaintenance(true);
    const refused = await client.get('/hello');
    expect([refused.status, refused.headers['retry-after'], refused.json()]).toEqual([503, '120', { detail: 'Down for maintenance' }]);
    setMaintenance(false);
  });

  it('switches on CORS, compression, security headers and trusted hosts', async () => {
    const client = new TestClient(pluginsApp);
    const preflight = await client.options('/reports', { headers: { host: 'api.example.com', origin: 'https://app.example.com', 'access-control-request-method': 'GET' } });
    expect([preflight.status, preflight.headers['access-control-allow-origin']]).toEqual([204, 'https://app.example.com']);
    const report = await client.get('/reports', { headers: { host: 'api.example.com', 'accept-encoding': 'gzip' } });
    expect(report.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(report.body).toString()).rows).toHaveLength(50);
    expect(report.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect((await client.get('/reports', { headers: { host: 'evil.test' } })).status).toBe(400);
  });

  it('mounts a sub-application with its own document and docs pages, and static files', async () => {
    const client = new TestClient(mountApp);
    expect((await client.get('/app')).json()).toEqual({ message: 'Hello World from main app' });
    expect((await client.get('/subapi/sub')).json()).toEqual({ message: 'Hello World from sub API' });
    expect(Object.keys(mountApp.openapi().paths)).toEqual(['/app']);
    const sub = (await client.get('/subapi/openapi.json')).json<{ servers: unknown; paths: Record<string, unknown>; info: { title: string } }>();
    expect([sub.servers, Object.keys(sub.paths), sub.info.title]).toEqual([[{ url: '/subapi' }], ['/sub'], 'Sub API']);
    const docs = await client.get('/subapi/docs');
    // The page refers to the document relatively, so from /subapi/docs it loads /subapi/openapi.json.
    expect([docs.status, docs.text.includes('new URL("openapi.json", window.location.href)')]).toEqual([200, true]);
    const css = await client.get('/static/styles.css');
    expect([css.status, String(css.headers['content-type']).startsWith('text/css'), css.text]).toEqual([200, true, 'body { font-family: sans-serif; }\n']);
    await mountApp.close();
  });

  it('renders a page from a template through a response class, escaping what it is given', async () => {
    const client = new TestClient(templatesApp);
    const page = await client.get('/items/foo');
    expect([page.status, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(page.text).toContain('<h1>Item ID: foo</h1>');
    expect(page.text).toContain('<link href="/static/styles.css" rel="stylesheet">');
    expect((await client.get('/items/%3Cscript%3E')).text).toContain('<h1>Item ID: &lt;script&gt;</h1>');
    expect((await client.get('/static/styles.css')).status).toBe(200);
    const content = templatesApp.openapi().paths['/items/{id}']?.get?.responses?.['200'] as { content: Record<string, unknown> };
    expect(Object.keys(content.content)).toEqual(['text/html']);
    await client.close();
  });

  it('reads settings from the environment when the app starts, and names every variable at fault', async () => {
    const saved = process.env.ADMIN_EMAIL;
    try {
      delete process.env.ADMIN_EMAIL;
      const error = await settingsApp.ready().then(() => undefined, (thrown: unknown) => thrown);
      expect((error as DeftError).code).toBe('DEFT_ERR_STARTUP_FAILED');
      expect(String(((error as DeftError).cause as Error).message)).toContain('ADMIN_EMAIL: Field required');
      process.env.ADMIN_EMAIL = 'admin@example.com';
      const client = new TestClient(createApp({ controllers: [InfoController] }));
      expect((await client.get('/info')).json()).toEqual({ app_name: 'Awesome API', admin_email: 'admin@example.com', items_per_user: 50 });
      await client.close();
    } finally {
      if (saved === undefined) delete process.env.ADMIN_EMAIL;
      else process.env.ADMIN_EMAIL = saved;
    }
  });
});
