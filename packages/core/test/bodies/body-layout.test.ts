import 'reflect-metadata';
import { IsNumber, IsOptional, IsString } from 'class-validator';
import { Body, Controller, Int, Path, Post, Put } from '@deft/core';
import { clientFor } from '../support/client';
import { intParsing, missing } from '../support/validation';

class Item {
  @IsString() name!: string;
  @IsNumber() price!: number;
}

class User {
  @IsString() username!: string;
  @IsOptional() @IsString() full_name?: string;
}

const notADict = (input: unknown) => ({
  type: 'model_attributes_type',
  loc: ['body'],
  msg: 'Input should be a valid dictionary or object to extract fields from',
  input,
});

describe('one body parameter', () => {
  @Controller()
  class Items {
    @Post('/whole')
    whole(@Body() item: Item) {
      return item;
    }
    @Post('/named')
    named(@Body('item') item: Item) {
      return item;
    }
    @Post('/embedded')
    embedded(@Body('item', { embed: true }) item: Item) {
      return item;
    }
    @Post('/any')
    any(@Body({ type: Object }) body: unknown) {
      return { body };
    }
    @Post('/optional')
    optional(@Body({ type: Object, default: null }) body: unknown) {
      return { body };
    }
  }
  const client = clientFor(Items);

  it('is the whole JSON body, unnamed or named', async () => {
    expect((await client.post('/whole', { json: { name: 'Foo', price: 1 } })).json()).toEqual({ name: 'Foo', price: 1 });
    expect((await client.post('/named', { json: { name: 'Foo', price: 1 } })).json()).toEqual({ name: 'Foo', price: 1 });
  });

  it('is read under its name with `embed: true`', async () => {
    expect((await client.post('/embedded', { json: { item: { name: 'Foo', price: 1 } } })).json()).toEqual({ name: 'Foo', price: 1 });
    expect((await client.post('/embedded', { json: { name: 'Foo', price: 1 } })).json()).toEqual({ detail: [missing('body', 'item')] });
  });

  it('reports a missing body at ["body"], and JSON null as missing too', async () => {
    expect((await client.post('/whole')).json()).toEqual({ detail: [missing('body')] });
    expect((await client.post('/whole', { json: null })).json()).toEqual({ detail: [missing('body')] });
  });

  it('may be optional', async () => {
    expect((await client.post('/optional')).json()).toEqual({ body: null });
    expect((await client.post('/optional', { json: [1] })).json()).toEqual({ body: [1] });
  });

  it('takes any JSON with `type: Object`', async () => {
    expect((await client.post('/any', { json: [1, { a: 'b' }, null] })).json()).toEqual({ body: [1, { a: 'b' }, null] });
    expect((await client.post('/any', { json: 'text' })).json()).toEqual({ body: 'text' });
  });

  it('rejects JSON that is not an object where a DTO is expected', async () => {
    expect((await client.post('/whole', { json: [1, 2] })).json()).toEqual({ detail: [notADict([1, 2])] });
    expect((await client.post('/whole', { json: 'Foo' })).json()).toEqual({ detail: [notADict('Foo')] });
  });
});

describe('content types', () => {
  @Controller()
  class Items {
    @Post('/items/')
    create(@Body() item: Item) {
      return item;
    }
    @Post('/raw')
    raw(@Body({ type: Object }) body: unknown) {
      return { body };
    }
  }
  const client = clientFor(Items);
  const json = '{"name": "Foo", "price": 50.5}';

  it('parses application/json, with parameters, and application/*+json', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'application/geo+json', 'APPLICATION/JSON']) {
      const res = await client.post('/items/', { body: json, headers: { 'content-type': type } });
      expect([type, res.status]).toEqual([type, 200]);
    }
  });

  it('gives any other body to the route as text, so a DTO body fails validation', async () => {
    for (const type of ['text/plain', 'application/geo+json-seq', 'application/not-really-json']) {
      const res = await client.post('/items/', { body: json, headers: { 'content-type': type } });
      expect(res.json()).toEqual({ detail: [notADict(json)] });
    }
    expect((await client.post('/raw', { body: json, headers: { 'content-type': 'text/plain' } })).json()).toEqual({ body: json });
  });

  it('does not parse a body without a content type as JSON', async () => {
    expect((await client.post('/items/', { body: json })).json()).toEqual({ detail: [notADict(json)] });
  });

  it('does not take a form body for JSON', async () => {
    const urlencoded = await client.post('/items/', { form: { name: 'Foo', price: '50.5' } });
    expect(urlencoded.json()).toEqual({ detail: [notADict('name=Foo&price=50.5')] });
    const multipart = await client.post('/items/', { form: { name: 'Foo', price: '50.5' }, files: { f: 'x' } });
    expect(multipart.status).toBe(422);
    expect(multipart.json()).toEqual({ detail: [expect.objectContaining({ type: 'model_attributes_type', loc: ['body'] })] });
  });
});

describe('several body parameters', () => {
  @Controller()
  class Items {
    @Put('/items/{item_id}')
    update(
      @Path('item_id', { type: Int }) itemId: number,
      @Body('item') item: Item,
      @Body('user') user: User,
      @Body('importance', { type: Int, gt: 0 }) importance: number,
    ) {
      return { itemId, item, user, importance };
    }
  }
  const client = clientFor(Items);

  it('are each read under their own name', async () => {
    const res = await client.put('/items/5', {
      json: { item: { name: 'Foo', price: 50.5 }, user: { username: 'dave', full_name: 'Dave Grohl' }, importance: 5 },
    });
    expect(res.json()).toEqual({
      itemId: 5,
      item: { name: 'Foo', price: 50.5 },
      user: { username: 'dave', full_name: 'Dave Grohl' },
      importance: 5,
    });
  });

  it('report their errors under ["body", name, ...], all at once, in declaration order', async () => {
    const res = await client.put('/items/5', { json: { item: { price: 'x' }, importance: '0' } });
    expect(res.json()).toEqual({
      detail: [
        { type: 'missing', loc: ['body', 'item', 'name'], msg: 'Field required', input: { price: 'x' } },
        {
          type: 'float_parsing',
          loc: ['body', 'item', 'price'],
          msg: 'Input should be a valid number, unable to parse string as a number',
          input: 'x',
        },
        missing('body', 'user'),
        { type: 'greater_than', loc: ['body', 'importance'], msg: 'Input should be greater than 0', input: '0', ctx: { gt: 0 } },
      ],
    });
  });

  it('are each missing when the body is absent or not an object', async () => {
    const expected = { detail: [missing('body', 'item'), missing('body', 'user'), missing('body', 'importance')] };
    expect((await client.put('/items/5')).json()).toEqual(expected);
    expect((await client.put('/items/5', { json: [1] })).json()).toEqual(expected);
  });

  it('come after path errors', async () => {
    const res = await client.put('/items/x', { json: { item: { name: 'a', price: 1 }, user: { username: 'u' }, importance: 1 } });
    expect(res.json()).toEqual({ detail: [intParsing(['path', 'item_id'], 'x')] });
  });
});
