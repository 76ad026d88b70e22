import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Body, Controller, Field, Get, Post, Query } from '@deft/core';
import { documentOf, operationOf } from './support';
import { openapiProblems } from './valid-openapi';

class Maker {
  @IsString() name!: string;
}

class Item {
  @Field({ title: 'Item name', description: 'The name', examples: ['hammer'] }) @IsString() name!: string;
  @Field({ deprecated: true }) @IsOptional() @IsString() old?: string | null;
  @Field({ writeOnly: true, format: 'password' }) @IsString() secret!: string;
  @Field({ readOnly: true }) @IsInt() id!: number;
  @Field({ description: 'Who made it' }) @ValidateNested() @Type(() => Maker) maker!: Maker;
}

/** Constraints class-validator knows still document themselves beside `@Field()`. */
class Contact {
  @Field({ description: 'Where to write' }) @IsEmail() email!: string;
  @Field({ description: 'Home page' }) @IsUrl() site!: string;
  @Field({ description: 'Its id' }) @IsUUID() id!: string;
  @Field({ description: 'When' }) @IsISO8601() at!: string;
  @Field({ description: 'Code' }) @Matches(/^[A-Z]{3}$/) code!: string;
  @Field({ description: 'Kind' }) @IsIn(['a', 'b']) kind!: string;
  @Field({ description: 'Nick' }) @Length(2, 10) nick!: string;
  @Field({ description: 'Age' }) @IsInt() @Min(0) @Max(150) age!: number;
}

@Controller()
class Items {
  @Post('/items/')
  create(@Body({ examples: [{ name: 'x' }], deprecated: true }) item: Item) {
    return item;
  }

  @Post('/named/')
  named(
    @Body({
      openapiExamples: {
        normal: { summary: 'A normal item', value: { name: 'Foo' } },
        bad: { summary: 'Bad', description: 'no', value: { name: 1 } },
      },
    })
    item: Item,
  ) {
    return item;
  }

  @Post('/described/')
  described(@Body({ description: 'd', title: 'T' }) item: Item) {
    return item;
  }

  @Post('/contacts/')
  contact(@Body() contact: Contact) {
    return contact;
  }

  @Get('/search/')
  search(
    @Query('q', { examples: ['a'], openapiExamples: { one: { summary: 'One', value: '1' } }, deprecated: true, description: 'dd' }) q: string,
  ) {
    return q;
  }
}

describe('field documentation', () => {
  const document = documentOf(Items);
  const schemas = document.components?.schemas ?? {};

  it("documents @Field()'s keywords as FastAPI's Field(...) does", () => {
    expect(schemas.Item!.properties).toEqual({
      name: { type: 'string', title: 'Item name', description: 'The name', examples: ['hammer'] },
      old: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'Old', deprecated: true },
      secret: { type: 'string', format: 'password', title: 'Secret', writeOnly: true },
      id: { type: 'integer', title: 'Id', readOnly: true },
      maker: { $ref: '#/components/schemas/Maker', description: 'Who made it' },
    });
  });

  it('keeps documenting class-validator constraints beside @Field()', () => {
    const property = (name: string) => (schemas.Contact!.properties as Record<string, unknown>)[name];
    expect(property('email')).toEqual({ type: 'string', format: 'email', title: 'Email', description: 'Where to write' });
    expect(property('site')).toEqual({ type: 'string', format: 'uri', title: 'Site', description: 'Home page' });
    expect(property('id')).toEqual({ type: 'string', format: 'uuid', title: 'Id', description: 'Its id' });
    expect(property('at')).toEqual({ type: 'string', format: 'date-time', title: 'At', description: 'When' });
    expect(property('code')).toEqual({ type: 'string', pattern: '^[A-Z]{3}$', title: 'Code', description: 'Code' });
    expect(property('kind')).toEqual({ type: 'string', enum: ['a', 'b'], title: 'Kind', description: 'Kind' });
    expect(property('nick')).toEqual({ type: 'string', minLength: 2, maxLength: 10, title: 'Nick', description: 'Nick' });
    expect(property('age')).toEqual({ type: 'integer', minimum: 0, maximum: 150, title: 'Age', description: 'Age' });
  });

  it('documents @Body({ examples }) beside the reference, without a description', () => {
    expect(operationOf(document, '/items/', 'post').requestBody).toEqual({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Item', deprecated: true, examples: [{ name: 'x' }] } } },
      required: true,
    });
    expect(operationOf(document, '/described/', 'post').requestBody!.content['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/Item',
      title: 'T',
      description: 'd',
    });
  });

  it('documents openapiExamples as named examples of the body and of a parameter', () => {
    expect(operationOf(document, '/named/', 'post').requestBody!.content['application/json']).toEqual({
      schema: { $ref: '#/components/schemas/Item' },
      examples: {
        normal: { summary: 'A normal item', value: { name: 'Foo' } },
        bad: { summary: 'Bad', description: 'no', value: { name: 1 } },
      },
    });
    expect(operationOf(document, '/search/', 'get').parameters).toEqual([
      {
        name: 'q',
        in: 'query',
        description: 'dd',
        required: true,
        deprecated: true,
        schema: { type: 'string', title: 'Q', description: 'dd', examples: ['a'], deprecated: true },
        examples: { one: { summary: 'One', value: '1' } },
      },
    ]);
  });

  it('is valid OpenAPI 3.1', async () => {
    expect(await openapiProblems(document)).toEqual([]);
  });
});
