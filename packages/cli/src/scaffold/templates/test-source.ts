import type { ScaffoldOptions } from '../scaffold-options';
import { importPath, type SourceStyle } from './source-style';

export function itemsTestTs(options: ScaffoldOptions, style: SourceStyle): string {
  const headers = `headers: { Authorization: 'Bearer secret-token' }`;
  /** A request's options, with the bearer token when the routes need one. */
  const withAuth = options.auth ? `, { ${headers} }` : '';
  const body = (json: string) => (options.auth ? `{ json: ${json}, ${headers} }` : `{ json: ${json} }`);
  const readItems = options.auth
    ? `  it('asks for a bearer token', async () => {
    const response = await client.get('/items/');
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.json()).toEqual({ detail: 'Not authenticated' });
  });

  it('gives the handler the token', async () => {
    const response = await client.get('/items/'${withAuth});
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ token: 'secret-token' });
  });`
    : `  it('lists items a page at a time', async () => {
    await client.post('/items/', { json: { name: 'Another', price: 1 } });
    const response = await client.get('/items/', { query: { limit: '1' } });
    expect(response.status).toBe(200);
    expect(response.json()).toHaveLength(1);
  });`;
  return `import { TestClient } from '@deft/testing';
import { app } from '${importPath(style, '../src/app')}';

describe('items', () => {
  const client = new TestClient(app);

${readItems}

  it('creates an item and reads it back', async () => {
    const created = await client.post('/items/', ${body("{ name: 'Hammer', price: 9.5 }")});
    expect(created.status).toBe(201);
    const item = created.json() as { id: number };
    expect(item).toEqual({ id: expect.any(Number), name: 'Hammer', description: null, price: 9.5 });
    const read = await client.get(\`/items/\${item.id}\`${withAuth});
    expect(read.json()).toEqual(item);
  });

  it('answers 422 for an invalid item', async () => {
    const response = await client.post('/items/', ${body("{ name: '', price: -1 }")});
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        expect.objectContaining({ loc: ['body', 'name'] }),
        expect.objectContaining({ loc: ['body', 'price'] }),
      ],
    });
  });

  it('answers 404 for an item that does not exist', async () => {
    const response = await client.get('/items/999'${withAuth});
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ detail: 'Item not found' });
  });
});
`;
}
