import { TestClient } from '@deft/testing';
import { app } from '../src/app.js';

describe('the ES-module app, in process', () => {
  const client = new TestClient(app);
  const auth = { headers: { Authorization: 'Bearer esm' } };

  it('asks for a token, then answers with it', async () => {
    expect((await client.get('/items/')).status).toBe(401);
    expect((await client.get('/items/', auth)).json()).toEqual({ token: 'esm' });
  });

  it('validates the body against the DTO', async () => {
    expect((await client.post('/items/', { json: { name: 'Pen', price: 2 }, ...auth })).json()).toEqual({ name: 'Pen', price: 2 });
    const invalid = await client.post('/items/', { json: { name: '', price: 'two' }, ...auth });
    expect(invalid.status).toBe(422);
    expect((invalid.json() as { detail: { loc: string[] }[] }).detail.map((d) => d.loc)).toEqual([
      ['body', 'name'],
      ['body', 'price'],
    ]);
  });
});
