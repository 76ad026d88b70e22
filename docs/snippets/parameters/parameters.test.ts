import { TestClient } from '@deft/testing';
import { app as pathApp } from './path-params';
import { app as queryApp } from './query-params';
import { app as validationsApp } from './validations';
import { app as headersApp } from './headers-cookies';
import { app as modelsApp } from './param-models';

describe('docs/parameters.md', () => {
  describe('path parameters', () => {
    const client = new TestClient(pathApp);

    it('converts a typed path parameter, and reports one that does not convert', async () => {
      expect((await client.get('/items/3')).json()).toEqual({ item_id: 3 });
      expect((await client.get('/items/foo')).json()).toEqual({
        detail: [
          { type: 'int_parsing', loc: ['path', 'item_id'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'foo' },
        ],
      });
    });

    it('matches a fixed path before a placeholder', async () => {
      expect((await client.get('/users/me')).json()).toEqual({ user_id: 'the current user' });
      expect((await client.get('/users/42')).json()).toEqual({ user_id: '42' });
    });

    it('accepts only the values of an enum', async () => {
      expect((await client.get('/models/alexnet')).json()).toEqual({ model_name: 'alexnet', message: 'Deep Learning FTW!' });
      expect((await client.get('/models/lenet')).json()).toEqual({ model_name: 'lenet', message: 'Have some residuals' });
      expect((await client.get('/models/foo')).json()).toEqual({
        detail: [
          {
            type: 'enum',
            loc: ['path', 'model_name'],
            msg: "Input should be 'alexnet', 'resnet' or 'lenet'",
            input: 'foo',
            ctx: { expected: "'alexnet', 'resnet' or 'lenet'" },
          },
        ],
      });
    });

    it('takes the rest of the path with {name:path}', async () => {
      expect((await client.get('/files/home/johndoe/myfile.txt')).json()).toEqual({ file_path: 'home/johndoe/myfile.txt' });
    });
  });

  describe('query parameters', () => {
    const client = new TestClient(queryApp);

    it('uses defaults', async () => {
      expect((await client.get('/items/')).json()).toEqual([{ item_name: 'Foo' }, { item_name: 'Bar' }, { item_name: 'Baz' }]);
      expect((await client.get('/items/?skip=1&limit=1')).json()).toEqual([{ item_name: 'Bar' }]);
    });

    it('requires, omits and converts booleans', async () => {
      expect((await client.get('/items/foo-item')).json()).toEqual({
        detail: [{ type: 'missing', loc: ['query', 'needy'], msg: 'Field required', input: null }],
      });
      expect((await client.get('/items/foo-item?needy=sooooneedy')).json()).toEqual({
        item_id: 'foo-item',
        needy: 'sooooneedy',
        description: 'This is an amazing item that has a long description',
      });
      for (const short of ['1', 'True', 'true', 'on', 'yes']) {
        expect((await client.get(`/items/foo?needy=n&q=x&short=${short}`)).json()).toEqual({ item_id: 'foo', needy: 'n', q: 'x' });
      }
    });

    it('collects repeated values into a list', async () => {
      expect((await client.get('/tags/?tag=foo&tag=bar')).json()).toEqual({ tags: ['foo', 'bar'] });
      expect((await client.get('/tags/')).json()).toEqual({ tags: [] });
    });
  });

  describe('validations', () => {
    const client = new TestClient(validationsApp);

    it('checks string constraints', async () => {
      expect((await client.get('/items/?q=fixedquery')).json()).toEqual({ items: [{ item_id: 'Foo' }, { item_id: 'Bar' }], q: 'fixedquery' });
      expect((await client.get('/items/?q=nonregexquery')).json()).toEqual({
        detail: [
          {
            type: 'string_pattern_mismatch',
            loc: ['query', 'q'],
            msg: "String should match pattern '^fixedquery$'",
            input: 'nonregexquery',
            ctx: { pattern: '^fixedquery$' },
          },
        ],
      });
    });

    it('checks number constraints, every error at once', async () => {
      expect((await client.get('/items/5?size=2.5')).json()).toEqual({ item_id: 5, size: 2.5 });
      expect((await client.get('/items/0?size=11')).json()).toEqual({
        detail: [
          { type: 'greater_than_equal', loc: ['path', 'item_id'], msg: 'Input should be greater than or equal to 1', input: '0', ctx: { ge: 1 } },
          { type: 'less_than', loc: ['query', 'size'], msg: 'Input should be less than 10.5', input: '11', ctx: { lt: 10.5 } },
        ],
      });
    });
  });

  describe('headers and cookies', () => {
    const client = new TestClient(headersApp);

    it('reads headers case-insensitively', async () => {
      const response = await client.get('/items/', { headers: { 'user-agent': 'curl/8.5.0', 'x-token': 'foo' } });
      expect(response.json()).toEqual({ 'User-Agent': 'curl/8.5.0', 'X-Token values': ['foo'] });
    });

    it('reads cookies', async () => {
      expect((await client.get('/ads/', { cookies: { ads_id: 'ads_track' } })).json()).toEqual({ ads_id: 'ads_track' });
      expect((await client.get('/ads/')).json()).toEqual({ ads_id: null });
    });
  });

  describe('parameter models', () => {
    const client = new TestClient(modelsApp);

    it('reads a query model, forbidding other parameters', async () => {
      expect((await client.get('/items/?limit=5&tags=a&tags=b')).json()).toEqual({ limit: 5, offset: 0, order_by: 'created_at', tags: ['a', 'b'] });
      expect((await client.get('/items/?limit=0&tool=plumbus')).json()).toEqual({
        detail: [
          { type: 'greater_than_equal', loc: ['query', 'limit'], msg: 'Input should be greater than or equal to 1', input: '0', ctx: { ge: 1 } },
          { type: 'extra_forbidden', loc: ['query', 'tool'], msg: 'Extra inputs are not permitted', input: 'plumbus' },
        ],
      });
    });

    it('reads header and cookie models', async () => {
      const headers = await client.get('/headers/', { headers: { 'save-data': 'yes', 'x-tag': 'a' } });
      expect(headers.json()).toEqual({ host: 'localhost:80', save_data: true, x_tag: ['a'] });
      expect((await client.get('/cookies/', { cookies: { session_id: 'abc' } })).json()).toEqual({ session_id: 'abc' });
      expect((await client.get('/cookies/', { cookies: { session_id: 'abc', tracker: 'x' } })).status).toBe(422);
    });

    it('documents each field as its own parameter', () => {
      const parameters = modelsApp.openapi().paths['/items/']!.get!.parameters!;
      expect(parameters.map((p) => `${p.in} ${p.name}`)).toEqual(['query limit', 'query offset', 'query order_by', 'query tags']);
      expect(parameters[0]).toMatchObject({ description: 'How many items at most', required: false });
      const headers = modelsApp.openapi().paths['/headers/']!.get!.parameters!;
      expect(headers.map((p) => p.name)).toEqual(['host', 'save-data', 'if-modified-since', 'x-tag']);
    });
  });
});
