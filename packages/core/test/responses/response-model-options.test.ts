import 'reflect-metadata';
import { Expose, Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import { Body, Controller, createApp, dictOf, discriminatedUnion, Get, Int, Patch, Path, unionOf } from '@deft/core';
import { TestClient } from '@deft/testing';
import { appFor } from '../support/client';

class Item {
  @IsString() name!: string;
  @IsOptional() @IsString() description?: string | null;
  @IsNumber() price: number = 10.5;
  @IsOptional() @IsNumber() tax?: number | null;
  @IsString({ each: true }) tags: string[] = [];
}

class Cat {
  @IsIn(['cat']) pet_type!: 'cat';
  @IsString() meows!: string;
}

class Dog {
  @IsIn(['dog']) pet_type!: 'dog';
  @IsString() barks!: string;
  @IsOptional() @IsInt() age?: number;
}

class Aliased {
  @Expose({ name: 'full-name' }) @IsString() fullName!: string;
}

class Owner {
  @IsString() name!: string;
  @IsOptional() @ValidateNested() @Type(() => Item) item?: Item;
}

const items: Record<string, Record<string, unknown>> = {
  foo: { name: 'Foo', price: 50.2 },
  bar: { name: 'Bar', description: 'The bartenders', price: 62, tax: 20.2 },
  baz: { name: 'Baz', description: null, price: 50.2, tax: 10.5, tags: [] },
};

@Controller()
class Shop {
  @Get('/items/{item_id}', { responseModel: Item })
  read(@Path('item_id') id: string) {
    return items[id];
  }

  @Get('/unset/{item_id}', { responseModel: Item, responseModelExcludeUnset: true })
  unset(@Path('item_id') id: string) {
    return items[id];
  }

  @Patch('/items/{item_id}', { responseModel: Item, responseModelExcludeUnset: true })
  patch(@Path('item_id') _id: string, @Body() item: Item) {
    return item;
  }

  @Get('/defaults', { responseModel: Item, responseModelExcludeDefaults: true })
  defaults() {
    return { name: 'Foo', price: 10.5, tags: ['a'], tax: null };
  }

  @Get('/none', { responseModel: Item, responseModelExcludeNone: true })
  none() {
    return { name: 'Foo', description: null };
  }

  @Get('/include', { responseModel: Item, responseModelInclude: ['name', 'description'] })
  include() {
    return items.bar;
  }

  @Get('/exclude', { responseModel: [Item], responseModelExclude: ['tax'] })
  exclude() {
    return [items.bar];
  }

  @Get('/aliased', { responseModel: Aliased })
  aliased() {
    return { fullName: 'Ada Lovelace' };
  }

  @Get('/unaliased', { responseModel: Aliased, responseModelByAlias: false })
  unaliased() {
    return { fullName: 'Ada Lovelace' };
  }

  @Get('/broken', { responseModel: Owner })
  broken() {
    return { item: { price: 'expensive' } };
  }

  @Get('/unchecked', { responseModel: Owner, validateResponse: false })
  unchecked() {
    return { item: { price: 'expensive' } };
  }

  @Get('/pets/{kind}', { responseModel: discriminatedUnion('pet_type', { cat: Cat, dog: Dog }) })
  pet(@Path('kind') kind: string) {
    return kind === 'cat' ? { pet_type: 'cat', meows: 'loud', secret: 1 } : { pet_type: kind, barks: 'woof' };
  }

  @Get('/either/{kind}', { responseModel: unionOf(Cat, Dog) })
  either(@Path('kind') kind: string) {
    return kind === 'dog' ? { pet_type: 'dog', barks: 'woof', age: 3 } : { pet_type: 'cat', meows: 'soft' };
  }

  @Get('/stock', { responseModel: dictOf(Int) })
  stock() {
    return { foo: 3, bar: '4' };
  }

  @Get('/names', { responseModel: [String] })
  names() {
    return ['a', 'b'];
  }

  @Get('/count', { responseModel: Int })
  count() {
    return 3;
  }

  @Get('/wrong-count', { responseModel: Int })
  wrongCount() {
    return 'three';
  }
}

const errors: string[] = [];
const app = createApp({
  controllers: [Shop],
  fastify: { logger: { level: 'error', stream: { write: (line: string) => void errors.push(line) } } },
});
const client = new TestClient(app);

afterAll(() => app.close());

describe('the response model, as FastAPI writes it', () => {
  it('fills what the result lacks: the default, or null when optional', async () => {
    expect((await client.get('/items/foo')).json()).toEqual({ name: 'Foo', description: null, price: 50.2, tax: null, tags: [] });
  });

  it('leaves out unset fields: the keys a result does not have', async () => {
    expect((await client.get('/unset/foo')).json()).toEqual({ name: 'Foo', price: 50.2 });
    expect((await client.get('/unset/baz')).json()).toEqual({ name: 'Baz', description: null, price: 50.2, tax: 10.5, tags: [] });
  });

  it('leaves out the fields a client did not send, for a body Deft made (a PATCH echo)', async () => {
    const res = await client.patch('/items/foo', { json: { name: 'Foo', tax: null } });
    expect(res.json()).toEqual({ name: 'Foo', tax: null });
  });

  it('leaves out defaults, none, and what include and exclude say', async () => {
    expect((await client.get('/defaults')).json()).toEqual({ name: 'Foo', description: null, tax: null, tags: ['a'] });
    expect((await client.get('/none')).json()).toEqual({ name: 'Foo', price: 10.5, tags: [] });
    expect((await client.get('/include')).json()).toEqual({ name: 'Bar', description: 'The bartenders' });
    expect((await client.get('/exclude')).json()).toEqual([{ name: 'Bar', description: 'The bartenders', price: 62, tags: [] }]);
  });

  it('writes fields by alias unless told not to', async () => {
    expect((await client.get('/aliased')).json()).toEqual({ 'full-name': 'Ada Lovelace' });
    expect((await client.get('/unaliased')).json()).toEqual({ fullName: 'Ada Lovelace' });
  });

  it('answers 500 for a result that does not fit, and logs every problem with the route', async () => {
    errors.length = 0;
    const res = await client.get('/broken');
    expect([res.status, res.json()]).toEqual([500, { detail: 'Internal Server Error' }]);
    const logged = errors.join('\n');
    expect(logged).toContain('3 validation errors in the response of GET /broken (Shop.broken)');
    expect(logged).toContain('{\\"type\\":\\"missing\\",\\"loc\\":[\\"response\\",\\"name\\"]');
    expect(logged).toContain('{\\"type\\":\\"missing\\",\\"loc\\":[\\"response\\",\\"item\\",\\"name\\"]');
    expect(logged).toContain('\\"type\\":\\"float_parsing\\",\\"loc\\":[\\"response\\",\\"item\\",\\"price\\"]');
  });

  it('can be told not to check', async () => {
    const res = await client.get('/unchecked');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ item: { price: 'expensive', description: null, tax: null, tags: [] } });
  });

  it('writes a discriminated union as the member its tag names, and refuses an unknown tag', async () => {
    expect((await client.get('/pets/cat')).json()).toEqual({ pet_type: 'cat', meows: 'loud' });
    expect((await client.get('/pets/dog')).json()).toEqual({ pet_type: 'dog', barks: 'woof', age: null });
    expect((await client.get('/pets/fish')).status).toBe(500);
  });

  it('writes a union as the member that fits', async () => {
    expect((await client.get('/either/dog')).json()).toEqual({ pet_type: 'dog', barks: 'woof', age: 3 });
    expect((await client.get('/either/cat')).json()).toEqual({ pet_type: 'cat', meows: 'soft' });
  });

  it('writes dicts, scalars and lists of scalars, converting as Pydantic does', async () => {
    expect((await client.get('/stock')).json()).toEqual({ foo: 3, bar: 4 });
    expect((await client.get('/names')).json()).toEqual(['a', 'b']);
    expect((await client.get('/count')).text).toBe('3');
    expect((await client.get('/wrong-count')).status).toBe(500);
  });

  it('documents unions, dicts and scalars as FastAPI does', () => {
    const paths = appFor(Shop).openapi().paths;
    const schemaOf = (path: string) => (paths[path]!.get!.responses['200']!.content as Record<string, { schema: unknown }>)['application/json']!.schema;
    expect(schemaOf('/pets/{kind}')).toEqual({
      oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
      discriminator: { propertyName: 'pet_type', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } },
      title: 'Response Pet Pets  Kind  Get',
    });
    expect(schemaOf('/either/{kind}')).toEqual({ anyOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], title: 'Response Either Either  Kind  Get' });
    expect(schemaOf('/stock')).toEqual({ additionalProperties: { type: 'integer' }, type: 'object', title: 'Response Stock Stock Get' });
    expect(schemaOf('/names')).toEqual({ items: { type: 'string' }, type: 'array', title: 'Response Names Names Get' });
    expect(schemaOf('/count')).toEqual({ type: 'integer', title: 'Response Count Count Get' });
  });
});
