import { TestClient } from '@deft/testing';
import { app as raiseApp } from './http-exception';
import { app as unicornApp } from './custom-handler';
import { app as overrideApp } from './override-defaults';
import { app as reuseApp } from './reuse-defaults';

describe('docs/errors.md', () => {
  it('raises an HTTPException', async () => {
    const client = new TestClient(raiseApp);
    expect((await client.get('/items/foo')).json()).toEqual({ item: 'The Foo Wrestlers' });
    const missing = await client.get('/items/bar');
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({ detail: 'Item not found' });
    const withHeader = await client.get('/items-header/bar');
    expect(withHeader.headers['x-error']).toBe('There goes my error');
    expect(withHeader.json()).toEqual({ detail: 'Item not found' });
  });

  it('renders an error class with its own handler', async () => {
    const client = new TestClient(unicornApp);
    const res = await client.get('/unicorns/yolo');
    expect(res.status).toBe(418);
    expect(res.json()).toEqual({ message: 'Oops! yolo did something. There goes a rainbow...' });
    expect((await client.get('/unicorns/shinny')).json()).toEqual({ unicorn_name: 'shinny' });
  });

  it('replaces the default handlers', async () => {
    const client = new TestClient(overrideApp);
    const teapot = await client.get('/items/3');
    expect([teapot.status, teapot.headers['content-type'], teapot.text]).toEqual([418, 'text/plain', "Nope! I don't like 3."]);
    const invalid = await client.get('/items/foo');
    expect([invalid.status, invalid.text]).toEqual([400, 'path -> item_id: Input should be a valid integer, unable to parse string as an integer']);
  });

  it('keeps the default response when a handler re-throws', async () => {
    const client = new TestClient(reuseApp);
    const res = await client.get('/items/3');
    expect(res.status).toBe(418);
    expect(res.json()).toEqual({ detail: "Nope! I don't like 3." });
  });
});
