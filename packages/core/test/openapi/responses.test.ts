import 'reflect-metadata';
import { IsNumber, IsString } from 'class-validator';
import { Controller, Delete, Get, Path, Post, Query } from '@deft/core';
import { documentOf, operationOf } from './support';

class ItemOut {
  @IsString() name!: string;
  @IsNumber() price!: number;
}

class Message {
  @IsString() message!: string;
}

const VALIDATION_ERROR = {
  description: 'Validation Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/HTTPValidationError' } } },
};

@Controller()
class Responses {
  @Get('/plain')
  plain() {
    return {};
  }

  @Get('/items/{item_id}', {
    responseModel: ItemOut,
    responseDescription: 'The item',
    responses: {
      404: { model: Message, description: 'The item was not found' },
      302: { description: 'The item was moved', headers: { Location: { schema: { type: 'string' } } } },
      200: { content: { 'image/png': {} } },
      '5XX': {},
    },
  })
  readItem(@Path('item_id') itemId: string) {
    return { name: itemId, price: 1 };
  }

  @Get('/items/', { responseModel: [ItemOut] })
  readItems() {
    return [];
  }

  @Post('/items/', { statusCode: 201, responseModel: ItemOut })
  createItem(@Query('name') name: string) {
    return { name, price: 1 };
  }

  @Delete('/items/{item_id}', { statusCode: 204 })
  deleteItem(@Path('item_id') itemId: string) {
    return itemId;
  }

  @Get('/own-4xx', { responses: { '4XX': { model: Message } } })
  own4xx(@Query('q') q: string) {
    return q;
  }

  @Get('/own-default', { responses: { default: { description: 'Anything else' } } })
  ownDefault(@Query('q') q: string) {
    return q;
  }
}

describe('responses', () => {
  const document = documentOf(Responses);

  it('documents a handler without response model as 200 with an empty schema, and no 422 without input', () => {
    expect(operationOf(document, '/plain', 'get').responses).toEqual({
      200: { description: 'Successful Response', content: { 'application/json': { schema: {} } } },
    });
  });

  it('documents the response model, the description and the merged responses option', () => {
    expect(operationOf(document, '/items/{item_id}', 'get').responses).toEqual({
      200: {
        description: 'The item',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemOut' } }, 'image/png': {} },
      },
      404: { description: 'The item was not found', content: { 'application/json': { schema: { $ref: '#/components/schemas/Message' } } } },
      302: { description: 'The item was moved', headers: { Location: { schema: { type: 'string' } } } },
      '5XX': { description: 'Server Error' },
      422: VALIDATION_ERROR,
    });
  });

  it('names a list response model as FastAPI does', () => {
    expect(operationOf(document, '/items/', 'get').responses[200]).toEqual({
      description: 'Successful Response',
      content: {
        'application/json': { schema: { items: { $ref: '#/components/schemas/ItemOut' }, type: 'array', title: 'Response Read Items Items  Get' } },
      },
    });
  });

  it('uses the route statusCode, without content for a status that has no body', () => {
    expect(Object.keys(operationOf(document, '/items/', 'post').responses)).toEqual(['201', '422']);
    expect(operationOf(document, '/items/{item_id}', 'delete').responses[204]).toEqual({ description: 'Successful Response' });
  });

  it('does not add 422 when the route documents 4XX or default itself', () => {
    expect(Object.keys(operationOf(document, '/own-4xx', 'get').responses)).toEqual(['200', '4XX']);
    expect(operationOf(document, '/own-4xx', 'get').responses['4XX']?.description).toBe('Client Error');
    expect(Object.keys(operationOf(document, '/own-default', 'get').responses)).toEqual(['200', 'default']);
  });

  it('adds the current FastAPI validation-error components once', () => {
    const schemas = document.components?.schemas ?? {};
    expect(schemas.HTTPValidationError).toEqual({
      properties: { detail: { items: { $ref: '#/components/schemas/ValidationError' }, type: 'array', title: 'Detail' } },
      type: 'object',
      title: 'HTTPValidationError',
    });
    expect(schemas.ValidationError).toEqual({
      properties: {
        loc: { items: { anyOf: [{ type: 'string' }, { type: 'integer' }] }, type: 'array', title: 'Location' },
        msg: { type: 'string', title: 'Message' },
        type: { type: 'string', title: 'Error Type' },
        input: { title: 'Input' },
        ctx: { type: 'object', title: 'Context' },
      },
      type: 'object',
      required: ['loc', 'msg', 'type'],
      title: 'ValidationError',
    });
  });

  it('has no validation components when no operation validates input', () => {
    @Controller()
    class Plain {
      @Get('/') root() {}
    }
    expect(documentOf(Plain).components).toBeUndefined();
  });
});
