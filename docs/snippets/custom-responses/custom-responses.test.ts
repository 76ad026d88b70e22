import { TestClient } from '@deft/testing';
import { app } from './pages';

const client = new TestClient(app);

describe('docs/custom-responses.md', () => {
  it('answers HTML and plain text', async () => {
    const html = await client.get('/items/');
    expect([html.headers['content-type'], html.text.includes('<h1>Look ma! HTML!</h1>')]).toEqual(['text/html; charset=utf-8', true]);
    expect((await client.get('/health')).headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('redirects with 307, or the status the route gives', async () => {
    const res = await client.get('/typer');
    expect([res.status, res.headers.location]).toEqual([307, 'https://typer.tiangolo.com']);
    expect((await client.post('/login')).status).toBe(303);
  });

  it('sends files, with ranges and a download name', async () => {
    const res = await client.get('/files/report.txt');
    expect([res.status, res.text, res.headers['content-type']]).toEqual([200, 'The quarterly report.\n', 'text/plain; charset=utf-8']);
    expect((await client.get('/files/report.txt', { headers: { range: 'bytes=4-12' } })).text).toBe('quarterly');
    // An encoded slash is decoded before routing, as Starlette does: `../pages.ts` is no file name of this route.
    expect((await client.get('/files/..%2Fpages.ts')).status).toBe(404);
    expect((await client.get('/files/pages.ts')).status).toBe(422);
    expect((await client.get('/report')).headers['content-disposition']).toBe('attachment; filename="report-2024.txt"');
  });

  it('sends a returned response as it is', async () => {
    const legacy = await client.get('/legacy/');
    expect([legacy.status, legacy.headers['x-legacy'], legacy.text]).toEqual([410, 'yes', '<h1>Moved</h1>']);
    const fetched = await client.get('/fetched');
    expect([fetched.status, fetched.text]).toEqual([202, 'made with the web API']);
  });

  it('documents each response class', () => {
    const paths = app.openapi().paths;
    expect(paths['/items/']!.get!.responses['200']!.content).toEqual({ 'text/html': { schema: { type: 'string' } } });
    expect(paths['/typer']!.get!.responses).toEqual({ '307': { description: 'Successful Response' } });
    expect(paths['/report']!.get!.responses['200']!.content).toEqual({ 'application/json': { schema: {} } });
    expect(paths['/files/{name}']!.get!.responses['200']).toEqual({ description: 'Successful Response' });
  });
});
