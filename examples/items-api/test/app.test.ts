import { TestClient } from '@deft/testing';
import { createItemsApp } from '../src/app';

describe('items-api example', () => {
  let client: TestClient;
  beforeEach(() => {
    client = new TestClient(createItemsApp());
  });

  it('creates an item (201) and returns it through the response model, optional fields it lacks as null', async () => {
    const res = await client.post('/items/', { json: { name: 'Foo', price: 3.5, size: { width: 1, height: 2 }, extra: 'dropped' } });
    expect(res.status).toBe(201);
    expect(res.json()).toEqual({ id: 1, name: 'Foo', description: null, price: 3.5, size: { width: 1, height: 2 } });
  });

  it('never sends fields the response model does not declare', async () => {
    await client.post('/items/', { json: { name: 'Foo', price: 1 } });
    const res = await client.get('/items/1');
    expect(res.json()).toEqual({ id: 1, name: 'Foo', description: null, price: 1, size: null });
    expect(res.text).not.toContain('internalNote');
  });

  it('lists with bounded pagination and a filter', async () => {
    for (const name of ['apple', 'banana', 'cherry']) await client.post('/items/', { json: { name, price: 1 } });
    expect((await client.get('/items/', { query: { skip: 1, limit: 1 } })).json()).toEqual([{ id: 2, name: 'banana', description: null, price: 1, size: null }]);
    expect((await client.get('/items/', { query: { q: 'an' } })).json()).toEqual([{ id: 2, name: 'banana', description: null, price: 1, size: null }]);
    const res = await client.get('/items/', { query: { limit: 0 } });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({
      detail: [{ type: 'greater_than_equal', loc: ['query', 'limit'], msg: 'Input should be greater than or equal to 1', input: '0', ctx: { ge: 1 } }],
    });
  });

  it('answers 404 with the exception detail and headers', async () => {
    const res = await client.get('/items/42');
    expect(res.status).toBe(404);
    expect(res.headers['x-error']).toBe('There goes my error');
    expect(res.json()).toEqual({ detail: 'Item not found' });
  });

  it('reports every body error at once with FastAPI locations', async () => {
    const res = await client.post('/items/', { json: { price: 'abc', size: { width: -1 } } });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({
      detail: [
        { type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: { price: 'abc', size: { width: -1 } } },
        { type: 'float_parsing', loc: ['body', 'price'], msg: 'Input should be a valid number, unable to parse string as a number', input: 'abc' },
        { type: 'greater_than_equal', loc: ['body', 'size', 'width'], msg: 'Input should be greater than or equal to 0', input: -1, ctx: { ge: 0 } },
        { type: 'missing', loc: ['body', 'size', 'height'], msg: 'Field required', input: { width: -1 } },
      ],
    });
  });

  it('deletes with 204 and an empty body', async () => {
    await client.post('/items/', { json: { name: 'Foo', price: 1 } });
    const res = await client.delete('/items/1');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await client.delete('/items/1')).status).toBe(404);
  });
});
