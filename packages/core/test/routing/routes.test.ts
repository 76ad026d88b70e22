import 'reflect-metadata';
import { Controller, Delete, Get, Head, Options, Patch, Path, Post, Put, RequestContext } from '@deft/core';
import { clientFor } from '../support/client';

describe('routes', () => {
  @Controller('/items')
  class Items {
    @Get('/')
    list() {
      return 'list';
    }
    @Post('/')
    create() {
      return 'create';
    }
    @Put('/{item_id}')
    replace(@Path('item_id') id: string) {
      return `replace ${id}`;
    }
    @Patch('/{item_id}')
    update(@Path('item_id') id: string) {
      return `update ${id}`;
    }
    @Delete('/{item_id}')
    remove(@Path('item_id') id: string) {
      return `delete ${id}`;
    }
    @Head('/{item_id}')
    exists(@Path('item_id') _id: string, ctx: RequestContext) {
      ctx.setHeader('x-exists', 'yes');
    }
    @Options('/')
    options(ctx: RequestContext) {
      ctx.setHeader('allow', 'GET, POST, OPTIONS');
    }
  }
  const client = clientFor(Items);

  it('routes every method decorator to its handler under the controller prefix', async () => {
    expect((await client.get('/items/')).json()).toBe('list');
    expect((await client.post('/items/')).json()).toBe('create');
    expect((await client.put('/items/7')).json()).toBe('replace 7');
    expect((await client.patch('/items/7')).json()).toBe('update 7');
    expect((await client.delete('/items/7')).json()).toBe('delete 7');
    const head = await client.head('/items/7');
    expect(head.status).toBe(200);
    expect(head.headers['x-exists']).toBe('yes');
    expect((await client.options('/items/')).headers.allow).toBe('GET, POST, OPTIONS');
  });
});

describe('joining prefixes and paths', () => {
  @Controller()
  class Root {
    @Get('')
    root() {
      return 'root';
    }
    @Get('hello')
    hello() {
      return 'no leading slash';
    }
  }
  @Controller('users/')
  class Users {
    @Get('')
    list() {
      return 'users';
    }
    @Get('/me')
    me() {
      return 'me';
    }
  }
  @Controller('/')
  class Slash {
    @Get('/ping')
    ping() {
      return 'pong';
    }
  }
  const client = clientFor(Root, Users, Slash);

  it('joins them with exactly one slash, as FastAPI joins a router prefix and a path', async () => {
    expect((await client.get('/')).json()).toBe('root');
    expect((await client.get('/hello')).json()).toBe('no leading slash');
    expect((await client.get('/users')).json()).toBe('users');
    expect((await client.get('/users/me')).json()).toBe('me');
    expect((await client.get('/ping')).json()).toBe('pong');
  });
});

describe('OpenAPI path syntax', () => {
  @Controller()
  class Files {
    @Get('/users/{user_id}/items/{item_id}')
    item(@Path('user_id') user: string, @Path('item_id') item: string) {
      return { user, item };
    }
    @Get('/files/{file_path:path}')
    file(@Path('file_path') filePath: string) {
      return filePath;
    }
    @Get('/models/me')
    fixed() {
      return 'the fixed path wins';
    }
    @Get('/models/{name}')
    model(@Path('name') name: string) {
      return name;
    }
    @Get('/reports/{year}-{month}.json')
    report(@Path('year') year: string, @Path('month') month: string) {
      return { year, month };
    }
    @Get('/time/12:30')
    colon() {
      return 'a literal colon';
    }
  }
  const client = clientFor(Files);

  it('reads each {placeholder} by name', async () => {
    expect((await client.get('/users/u1/items/i2')).json()).toEqual({ user: 'u1', item: 'i2' });
  });

  it('lets {name:path} take the rest of the path, slashes included', async () => {
    expect((await client.get('/files/home/johndoe/myfile.txt')).json()).toBe('home/johndoe/myfile.txt');
    expect((await client.get('/files//etc/passwd')).json()).toBe('/etc/passwd');
  });

  it('percent-decodes path values', async () => {
    expect((await client.get('/models/a%20b')).json()).toBe('a b');
    expect((await client.get('/files/a%2Fb')).json()).toBe('a/b');
  });

  it('prefers a fixed path to a placeholder', async () => {
    expect((await client.get('/models/me')).json()).toBe('the fixed path wins');
    expect((await client.get('/models/alexnet')).json()).toBe('alexnet');
  });

  it('reads several placeholders from one segment', async () => {
    expect((await client.get('/reports/2024-05.json')).json()).toEqual({ year: '2024', month: '05' });
  });

  it('never matches a {placeholder} with an empty segment', async () => {
    expect((await client.get('/models/')).status).toBe(404);
    expect((await client.get('/users//items/i2')).status).toBe(404);
  });

  it('keeps a literal colon literal', async () => {
    expect((await client.get('/time/12:30')).json()).toBe('a literal colon');
  });
});

describe('inherited routes', () => {
  class Base {
    @Get('/health')
    health() {
      return 'ok';
    }
  }
  @Controller('/v1')
  class V1 extends Base {
    @Get('/version')
    version() {
      return 1;
    }
  }

  it('serves the routes a controller inherits, under its own prefix', async () => {
    const client = clientFor(V1);
    expect((await client.get('/v1/health')).json()).toBe('ok');
    expect((await client.get('/v1/version')).json()).toBe(1);
  });
});
