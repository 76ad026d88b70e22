import 'reflect-metadata';
import { container, injectable } from 'tsyringe';
import {
  Controller,
  createApp,
  defineDependency,
  Depends,
  Get,
  Header,
  Int,
  Query,
  RequestContext,
  type Dependable,
  type SecurityScopes,
} from '@deft/core';
import { TestClient } from '@deft/testing';

const quiet = { fastify: { logger: false } } as const;

describe('the four forms @Depends accepts', () => {
  it('1. a dependable object: resolve(context, scopes) is called per request', async () => {
    class FixedHeader implements Dependable<string> {
      constructor(private readonly name: string) {}
      resolve(context: RequestContext, scopes: SecurityScopes): string {
        return `${context.header(this.name) ?? 'none'}|${scopes.scopeStr}`;
      }
    }
    const agent = new FixedHeader('x-agent');
    @Controller()
    class C {
      @Get('/')
      read(@Depends(agent) value: string) {
        return { value };
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    expect((await client.get('/', { headers: { 'X-Agent': 'curl' } })).json()).toEqual({ value: 'curl|' });
    expect((await client.get('/')).json()).toEqual({ value: 'none|' });
  });

  it('1b. a dependable whose resolve() declares decorated parameters (a parametrized checker)', async () => {
    class FixedContentQueryChecker {
      constructor(private readonly content: string) {}
      resolve(@Query('q', { default: '' }) q: string): boolean {
        return q.includes(this.content);
      }
    }
    const checker = new FixedContentQueryChecker('bar');
    @Controller()
    class C {
      @Get('/query-checker/')
      read(@Depends(checker) fixedContentIncluded: boolean) {
        return { fixed_content_in_query: fixedContentIncluded };
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    expect((await client.get('/query-checker/', { query: { q: 'foobar' } })).json()).toEqual({ fixed_content_in_query: true });
    expect((await client.get('/query-checker/', { query: { q: 'foo' } })).json()).toEqual({ fixed_content_in_query: false });
    expect((await client.get('/query-checker/')).json()).toEqual({ fixed_content_in_query: false });
  });

  it('2. a class: constructed per request from decorated constructor parameters; the instance is the value', async () => {
    class CommonQueryParams {
      constructor(
        @Query('q', { type: String, default: null }) readonly q: string | null,
        @Query('skip', { type: Int, default: 0 }) readonly skip: number,
        @Query('limit', { type: Int, default: 100 }) readonly limit: number,
      ) {}
    }
    const seen = new Set<CommonQueryParams>();
    @Controller()
    class C {
      @Get('/items/')
      read(@Depends(CommonQueryParams) commons: CommonQueryParams) {
        seen.add(commons);
        return { isInstance: commons instanceof CommonQueryParams, ...commons };
      }
      @Get('/users/')
      users(@Depends() commons: CommonQueryParams) {
        return commons;
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    expect((await client.get('/items/')).json()).toEqual({ isInstance: true, q: null, skip: 0, limit: 100 });
    expect((await client.get('/items/', { query: { q: 'foo', skip: 5, limit: 30 } })).json()).toEqual({ isInstance: true, q: 'foo', skip: 5, limit: 30 });
    expect(seen.size).toBe(2);
    expect((await client.get('/users/', { query: { skip: 'x' } })).json()).toEqual({
      detail: [{ type: 'int_parsing', loc: ['query', 'skip'], msg: 'Input should be a valid integer, unable to parse string as an integer', input: 'x' }],
    });
  });

  it('2b. a class with resolve(): constructor services from the container, resolve() parameters from the request', async () => {
    @injectable()
    class Greeter {
      greet(name: string) {
        return `hello ${name}`;
      }
    }
    @injectable()
    class Greeting {
      constructor(private readonly greeter: Greeter) {}
      resolve(@Query('name') name: string, context: RequestContext): string {
        return `${this.greeter.greet(name)} via ${context.method}`;
      }
    }
    @Controller()
    class C {
      @Get('/')
      read(@Depends(Greeting) greeting: string) {
        return { greeting };
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    expect((await client.get('/', { query: { name: 'ada' } })).json()).toEqual({ greeting: 'hello ada via GET' });
  });

  it('3. a function with no parameters, sync or async', async () => {
    const answer = () => 42;
    const later = async () => 'later';
    @Controller()
    class C {
      @Get('/')
      read(@Depends(answer) a: number, @Depends(later) b: string) {
        return { a, b };
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    expect((await client.get('/')).json()).toEqual({ a: 42, b: 'later' });
  });

  it('3b. a function declared with defineDependency: request values and sub-dependencies as typed arguments', async () => {
    const prefix = () => '>';
    const pagination = defineDependency(
      { skip: Query('skip', { type: Int, default: 0 }), limit: Query('limit', { type: Int, default: 10, le: 50 }), mark: Depends(prefix) },
      ({ skip, limit, mark }) => {
        const check: [number, number, string] = [skip, limit, mark];
        return { range: `${check[2]}${skip}..${skip + limit}` };
      },
    );
    const token = defineDependency({ token: Header('x-token') }, async ({ token }) => token.toUpperCase());
    @Controller()
    class C {
      @Get('/')
      read(@Depends(pagination) page: { range: string }, @Depends(token) upper: string) {
        return { ...page, upper };
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    expect((await client.get('/', { query: { skip: 5 }, headers: { 'x-token': 'abc' } })).json()).toEqual({ range: '>5..15', upper: 'ABC' });
    const res = await client.get('/', { query: { limit: 99 } });
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({
      detail: [
        { type: 'less_than_equal', loc: ['query', 'limit'], msg: 'Input should be less than or equal to 50', input: '99', ctx: { le: 50 } },
        { type: 'missing', loc: ['header', 'x-token'], msg: 'Field required', input: null },
      ],
    });
  });

  it('4. a container service: a registered class, or a string token', async () => {
    @injectable()
    class Clock {
      now() {
        return 'noon';
      }
    }
    const parent = container.createChildContainer();
    parent.register('greeting', { useValue: 'hi' });
    parent.registerSingleton(Clock);
    @Controller()
    class C {
      @Get('/')
      read(@Depends(Clock) clock: Clock, @Depends('greeting') greeting: string, undecorated: Clock) {
        return { time: clock.now(), greeting, same: clock === undecorated };
      }
    }
    const client = new TestClient(createApp({ controllers: [C], container: parent, ...quiet }));
    expect((await client.get('/')).json()).toEqual({ time: 'noon', greeting: 'hi', same: true });
  });
});
