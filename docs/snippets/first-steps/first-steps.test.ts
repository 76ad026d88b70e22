import { TestClient } from '@deft/testing';
import { app } from './app';

const client = new TestClient(app);

describe('docs/first-steps.md', () => {
  it('answers / with a message', async () => {
    expect((await client.get('/')).json()).toEqual({ message: 'Hello World' });
  });

  it('converts the item id and reads the optional q', async () => {
    expect((await client.get('/items/5?q=somequery')).json()).toEqual({ item_id: 5, q: 'somequery' });
    expect((await client.get('/items/5')).json()).toEqual({ item_id: 5, q: null });
  });

  it('answers 422 for an item id that is not an integer', async () => {
    const response = await client.get('/items/foo');
    expect(response.status).toBe(422);
    expect(response.json()).toEqual({
      detail: [
        {
          type: 'int_parsing',
          loc: ['path', 'item_id'],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: 'foo',
        },
      ],
    });
  });

  it('answers 404 for a path it does not know', async () => {
    expect((await client.get('/nothing')).json()).toEqual({ detail: 'Not Found' });
  });
});
