import 'reflect-metadata';
import { Controller, createApp, DeftError, Delete, Get, Head, Options, Patch, Path, Post, Put } from '@deft/core';
import { documentOf, documentWith, operationOf } from './support';

describe('document metadata', () => {
  @Controller()
  class Root {
    @Get('/')
    root() {
      return {};
    }
  }

  it('is OpenAPI 3.1.0 with Deft defaults for info', () => {
    const document = documentOf(Root);
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toEqual({ title: 'Deft', version: '0.1.0' });
    expect(Object.keys(document)).toEqual(['openapi', 'info', 'paths']);
  });

  it('takes info, servers and tag descriptions from the app options', () => {
    const document = documentWith({
      controllers: [Root],
      title: 'Shop',
      version: '2.1.0',
      summary: 'Sells things',
      description: 'All **the** things',
      servers: [{ url: '/api' }],
      openapiTags: [{ name: 'items', description: 'Things for sale' }],
    });
    expect(document.info).toEqual({ title: 'Shop', version: '2.1.0', summary: 'Sells things', description: 'All **the** things' });
    expect(document.servers).toEqual([{ url: '/api' }]);
    expect(document.tags).toEqual([{ name: 'items', description: 'Things for sale' }]);
    expect(Object.keys(document)).toEqual(['openapi', 'info', 'servers', 'paths', 'tags']);
  });

  it('is the same object on every call, and equal across apps of the same routes', () => {
    const app = createApp({ controllers: [Root], fastify: { logger: false } });
    expect(app.openapi()).toBe(app.openapi());
    expect(JSON.stringify(documentOf(Root))).toBe(JSON.stringify(app.openapi()));
  });
});

describe('operations', () => {
  @Controller('/items', { tags: ['items'] })
  class Items {
    @Get('/')
    readItems() {
      return [];
    }

    @Get('/{item_id}', { tags: ['single'], summary: 'One item', description: 'Reads **one** item.', deprecated: true })
    read_item(@Path('item_id') itemId: string) {
      return { itemId };
    }

    @Post('/', { operationId: 'createItem' })
    create() {
      return {};
    }

    @Put('/{item_id}/HTTPStatus')
    setHTTPStatus(@Path('item_id') itemId: string) {
      return { itemId };
    }

    @Get('/hidden', { includeInSchema: false })
    hidden() {
      return {};
    }
  }

  const document = documentOf(Items);

  it('has a summary from the method name unless one is given', () => {
    expect(operationOf(document, '/items/', 'get').summary).toBe('Read Items');
    expect(operationOf(document, '/items/{item_id}/HTTPStatus', 'put').summary).toBe('Set Http Status');
    expect(operationOf(document, '/items/{item_id}', 'get').summary).toBe('One item');
  });

  it("generates FastAPI's operationId from the snake_case method name, the path and the method", () => {
    expect(operationOf(document, '/items/', 'get').operationId).toBe('read_items_items__get');
    expect(operationOf(document, '/items/{item_id}', 'get').operationId).toBe('read_item_items__item_id__get');
    expect(operationOf(document, '/items/{item_id}/HTTPStatus', 'put').operationId).toBe('set_http_status_items__item_id__HTTPStatus_put');
  });

  it('uses a given operationId', () => {
    expect(operationOf(document, '/items/', 'post').operationId).toBe('createItem');
  });

  it('has controller tags then route tags, description and deprecated', () => {
    expect(operationOf(document, '/items/', 'get').tags).toEqual(['items']);
    const one = operationOf(document, '/items/{item_id}', 'get');
    expect(one).toMatchObject({ tags: ['items', 'single'], description: 'Reads **one** item.', deprecated: true });
    expect(operationOf(document, '/items/', 'get')).not.toHaveProperty('deprecated');
  });

  it('orders operation keys as the OpenAPI specification (and FastAPI) do', () => {
    expect(Object.keys(operationOf(document, '/items/{item_id}', 'get'))).toEqual([
      'tags',
      'summary',
      'description',
      'operationId',
      'parameters',
      'responses',
      'deprecated',
    ]);
  });

  it('leaves out routes with includeInSchema: false', () => {
    expect(document.paths['/items/hidden']).toBeUndefined();
  });

  it('lists paths in route order with every method', () => {
    @Controller()
    class Methods {
      @Get('/r') g() {}
      @Post('/r') p() {}
      @Put('/r') u() {}
      @Patch('/r') a() {}
      @Delete('/r') d() {}
      @Head('/r') h() {}
      @Options('/r') o() {}
    }
    expect(Object.keys(documentOf(Methods).paths['/r']!)).toEqual(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
  });

  it('makes generated operationIds unique in route order', () => {
    @Controller()
    class Dashed {
      @Get('/a-b') readA_b() {}
    }
    @Controller()
    class Underscored {
      @Get('/a_b') read_a_b() {}
    }
    const clash = documentOf(Dashed, Underscored);
    expect(operationOf(clash, '/a-b', 'get').operationId).toBe('read_a_b_a_b_get');
    expect(operationOf(clash, '/a_b', 'get').operationId).toBe('read_a_b_a_b_get_2');
  });

  it('rejects two routes given the same operationId', () => {
    @Controller()
    class Twice {
      @Get('/one', { operationId: 'same' }) one() {}
      @Get('/two', { operationId: 'same' }) two() {}
    }
    const app = createApp({ controllers: [Twice], fastify: { logger: false } });
    expect(() => app.openapi()).toThrow(DeftError);
    expect(() => app.openapi()).toThrow(/GET \/two \(Twice\.two\) has operationId "same", already used by GET \/one \(Twice\.one\)/);
  });

  it('documents a {name:path} placeholder as {name}', () => {
    @Controller()
    class Files {
      @Get('/files/{file_path:path}')
      readFile(@Path('file_path') filePath: string) {
        return filePath;
      }
    }
    const files = documentOf(Files);
    expect(Object.keys(files.paths)).toEqual(['/files/{file_path}']);
    expect(operationOf(files, '/files/{file_path}', 'get').operationId).toBe('read_file_files__file_path__get');
  });
});
