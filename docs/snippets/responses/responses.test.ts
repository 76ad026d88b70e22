import { TestClient } from '@deft/testing';
import { app as modelApp } from './response-model';
import { app as contextApp } from './request-context';
import { app as rawApp } from './raw-responses';
import { app as optionsApp } from './model-options';

describe('docs/responses.md', () => {
  it('writes the output through the response model, optional fields it lacks as null', async () => {
    const client = new TestClient(modelApp);
    const created = await client.post('/users/', { json: { username: 'john', password: 'secret', email: 'john@example.com' } });
    expect(created.status).toBe(201);
    expect(created.json()).toEqual({ username: 'john', email: 'john@example.com', full_name: null });
    const list = await client.get('/users/');
    expect(list.json()).toEqual([{ username: 'john', email: 'john@example.com', full_name: null }]);
    expect(list.text).not.toContain('hashed_password');
  });

  it('sets the status, headers and cookies of a successful response', async () => {
    const client = new TestClient(contextApp);
    expect([(await client.get('/tasks/foo')).status, (await client.get('/tasks/foo')).json()]).toEqual([200, 'Listen to the Bar Fighters']);
    const created = await client.get('/tasks/bar');
    expect([created.status, created.json()]).toEqual([201, 'This did not exist before']);
    const login = await client.post('/login/');
    expect(login.headers['set-cookie']).toBe('session=fake-session-id; Path=/; HttpOnly; SameSite=Lax');
    expect(login.headers['x-login']).toBe('ok');
    const refused = await client.post('/refused/');
    expect([refused.status, refused.headers['set-cookie']]).toEqual([403, undefined]);
  });

  it('passes replies, buffers and streams through', async () => {
    const client = new TestClient(rawApp);
    const csv = await client.get('/report.csv');
    expect([csv.headers['content-type'], csv.text]).toEqual(['text/csv', 'name,price\nFoo,50.5\n']);
    const logo = await client.get('/logo.png');
    expect([logo.headers['content-type'], [...logo.body]]).toEqual(['application/octet-stream', [0x89, 0x50, 0x4e, 0x47]]);
    expect((await client.get('/numbers')).text).toBe('1\n2\n3\n');
    const deleted = await client.delete('/items/1');
    expect([deleted.status, deleted.text]).toEqual([204, '']);
  });
});

describe('docs/responses.md: the response model options', () => {
  it('leaves out unset fields, and what a PATCH client did not send', async () => {
    const client = new TestClient(optionsApp);
    expect((await client.get('/items/foo')).json()).toEqual({ name: 'Foo', price: 50.2 });
    expect((await client.patch('/items/bar', { json: { price: 70 } })).json()).toEqual({ price: 70 });
    expect((await client.get('/items/bar')).json()).toEqual({ name: 'Bar', description: 'The bartenders', price: 62, tax: 20.2 });
  });

  it('writes unions by their tag, and dicts', async () => {
    const client = new TestClient(optionsApp);
    expect((await client.get('/pets/tom')).json()).toEqual({ pet_type: 'cat', meows: 'loudly' });
    expect((await client.get('/pets/rex')).json()).toEqual({ pet_type: 'dog', barks: 'at night' });
    expect((await client.get('/weights')).json()).toEqual({ foo: 2.3, bar: 3.4 });
  });
});
