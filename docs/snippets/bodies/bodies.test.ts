import { TestClient } from '@deft/testing';
import { app as dtoApp } from './dto-body';
import { app as nestedApp } from './nested';
import { app as multipleApp } from './multiple-bodies';
import { app as formsApp } from './forms';
import { app as filesApp } from './files';
import { app as fieldDocsApp } from './field-docs';

describe('docs/bodies.md', () => {
  describe('a DTO body', () => {
    const client = new TestClient(dtoApp);

    it('creates an item, dropping fields the class does not declare', async () => {
      expect((await client.post('/items/', { json: { name: 'Foo', price: 50.5, color: 'red' } })).json()).toEqual({ name: 'Foo', price: 50.5 });
      expect((await client.post('/items/', { json: { name: 'Foo', price: 50.5, tax: 0.5 } })).json()).toEqual({
        name: 'Foo',
        price: 50.5,
        tax: 0.5,
        price_with_tax: 51,
      });
    });

    it('reports every problem at once', async () => {
      expect((await client.post('/items/', { json: { description: 'A very nice Item', price: 'twenty' } })).json()).toEqual({
        detail: [
          { type: 'missing', loc: ['body', 'name'], msg: 'Field required', input: { description: 'A very nice Item', price: 'twenty' } },
          { type: 'float_parsing', loc: ['body', 'price'], msg: 'Input should be a valid number, unable to parse string as a number', input: 'twenty' },
        ],
      });
    });

    it('reads the body, the path and the query together', async () => {
      expect((await client.put('/items/5?q=x', { json: { name: 'Foo', price: 1 } })).json()).toEqual({ item_id: 5, name: 'Foo', price: 1, q: 'x' });
    });
  });

  describe('nested DTOs', () => {
    const client = new TestClient(nestedApp);

    it('instantiates nested classes and reports errors at their location', async () => {
      const item = { name: 'Foo', price: 1, images: [{ url: 'http://example.com/baz.jpg', name: 'The Foo live' }] };
      expect((await client.post('/items/', { json: item })).json()).toEqual({ item: { ...item, tags: [] }, firstImageIsAnImage: true });
      expect((await client.post('/items/', { json: { name: 'Foo', price: 1, images: [{ url: 'not a url', name: 'x' }] } })).json()).toEqual({
        detail: [{ type: 'url_parsing', loc: ['body', 'images', 0, 'url'], msg: 'Input should be a valid URL', input: 'not a url' }],
      });
    });
  });

  describe('several bodies', () => {
    const client = new TestClient(multipleApp);

    it('reads each under its name', async () => {
      const body = { item: { name: 'Foo', price: 42 }, user: { username: 'dave', full_name: 'Dave Grohl' }, importance: 5 };
      expect((await client.put('/items/5', { json: body })).json()).toEqual({ item_id: 5, ...body });
      expect((await client.put('/items/5', { json: { item: { name: 'Foo', price: 42 }, importance: 0 } })).json()).toEqual({
        detail: [
          { type: 'missing', loc: ['body', 'user'], msg: 'Field required', input: null },
          { type: 'greater_than', loc: ['body', 'importance'], msg: 'Input should be greater than 0', input: 0, ctx: { gt: 0 } },
        ],
      });
    });

    it('embeds a single body with embed: true', async () => {
      expect((await client.put('/embedded/5', { json: { item: { name: 'Foo', price: 42 } } })).json()).toEqual({ item_id: 5, item: { name: 'Foo', price: 42 } });
      expect((await client.put('/embedded/5', { json: { name: 'Foo', price: 42 } })).status).toBe(422);
    });
  });

  describe('forms', () => {
    const client = new TestClient(formsApp);

    it('reads form fields; an empty one is missing', async () => {
      expect((await client.post('/login/', { form: { username: 'johndoe', password: 'secret' } })).json()).toEqual({ username: 'johndoe', passwordLength: 6 });
      expect((await client.post('/login/', { form: { username: 'johndoe', password: '' } })).json()).toEqual({
        detail: [{ type: 'missing', loc: ['body', 'password'], msg: 'Field required', input: null }],
      });
      expect((await client.post('/login/', { json: { username: 'johndoe', password: 'secret' } })).status).toBe(422);
    });

    it('reads a whole form into a DTO', async () => {
      expect((await client.post('/signup/', { form: { username: 'jo', password: 'long enough' } })).json()).toEqual({ username: 'jo' });
      expect((await client.post('/signup/', { form: { username: 'jo', password: 'short' } })).json()).toEqual({
        detail: [
          { type: 'string_too_short', loc: ['body', 'password'], msg: 'String should have at least 8 characters', input: 'short', ctx: { min_length: 8 } },
        ],
      });
    });
  });

  describe('files', () => {
    const client = new TestClient(filesApp);

    it('receives a file as bytes or as an UploadFile', async () => {
      expect((await client.post('/files/', { files: { file: 'hello' } })).json()).toEqual({ file_size: 5 });
      const upload = await client.post('/uploadfile/', { files: { file: { filename: 'notes.txt', content: 'a\nb', contentType: 'text/plain' } } });
      expect(upload.json()).toEqual({ filename: 'notes.txt', content_type: 'text/plain', lines: 2 });
      expect((await client.post('/files/')).json()).toEqual({ detail: [{ type: 'missing', loc: ['body', 'file'], msg: 'Field required', input: null }] });
    });

    it('receives several files with form fields', async () => {
      const res = await client.post('/uploadfiles/', { files: { files: [{ filename: 'a.txt', content: '1' }, { filename: 'b.txt', content: '2' }] }, form: { token: 't' } });
      expect(res.json()).toEqual({ filenames: ['a.txt', 'b.txt'], token: 't' });
    });

    it('makes a file optional with a default', async () => {
      expect((await client.post('/avatar/')).json()).toEqual({ message: 'No upload file sent' });
      expect((await client.post('/avatar/', { files: { file: { filename: 'me.png', content: 'png' } } })).json()).toEqual({ filename: 'me.png' });
    });
  });

  describe('documented fields', () => {
    it("documents @Field()'s keywords beside the validators' own", () => {
      const document = fieldDocsApp.openapi();
      const properties = document.components!.schemas!.User!.properties as Record<string, unknown>;
      expect(properties.id).toEqual({ anyOf: [{ type: 'integer' }, { type: 'null' }], title: 'Id', description: 'Given by the server', readOnly: true });
      expect(properties.username).toEqual({ type: 'string', minLength: 3, title: 'User name', description: 'Unique, chosen at sign-up', examples: ['johndoe'] });
      expect(properties.email).toEqual({ type: 'string', format: 'email', title: 'Email', description: 'Where we write to' });
      expect(properties.password).toEqual({ type: 'string', minLength: 8, format: 'password', title: 'Password', writeOnly: true });
      expect(properties.nickname).toEqual({ anyOf: [{ type: 'string' }, { type: 'null' }], title: 'Nickname', description: 'Use `username`', deprecated: true });
      const media = document.paths['/users/']!.post!.requestBody!.content['application/json']!;
      expect(media.schema).toEqual({ $ref: '#/components/schemas/User', examples: [{ username: 'johndoe', email: 'john@example.com', password: 'correct horse' }] });
      expect(Object.keys(media.examples!)).toEqual(['normal', 'invalid']);
    });

    it('validates as before: @Field() only documents', async () => {
      const res = await new TestClient(fieldDocsApp).post('/users/', { json: { username: 'jd', email: 'x', password: 'short' } });
      expect(res.status).toBe(422);
      expect(res.json<{ detail: { loc: string[] }[] }>().detail.map((item) => item.loc[1])).toEqual(['username', 'email', 'password']);
    });
  });
});
