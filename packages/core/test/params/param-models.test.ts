import 'reflect-metadata';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { Controller, Cookie, DeftError, Field, Get, Header, Post, Query, defineDependency, Depends, Form } from '@deft/core';
import { appFor, clientFor } from '../support/client';
import { operationOf } from '../openapi/support';
import { openapiProblems } from '../openapi/valid-openapi';

class FilterParams {
  @IsInt() @Min(1) @Max(100) limit = 100;
  @IsInt() @Min(0) offset = 0;
  @IsIn(['created_at', 'updated_at']) order_by = 'created_at';
  @IsString({ each: true }) tags: string[] = [];
}

class CommonHeaders {
  @IsString() host!: string;
  @IsBoolean() save_data!: boolean;
  @IsString({ each: true }) x_tag: string[] = [];
}

class Cookies {
  @Field({ description: 'The session' }) @IsString() session_id!: string;
  @IsOptional() @IsString() fatebook_tracker?: string | null;
}

class LoginForm {
  @IsString() username!: string;
}

const pagination = defineDependency({ page: Query({ type: FilterParams }) }, ({ page }) => page);

@Controller()
class Models {
  @Get('/items/')
  items(@Query({ extra: 'forbid' }) filters: FilterParams) {
    return filters;
  }

  @Get('/lenient/')
  lenient(@Query() filters: FilterParams) {
    return { isInstance: filters instanceof FilterParams, ...filters };
  }

  @Get('/headers/')
  headers(@Header() headers: CommonHeaders) {
    return headers;
  }

  @Get('/cookies/')
  cookies(@Cookie({ extra: 'forbid' }) cookies: Cookies) {
    return cookies;
  }

  @Get('/paged/')
  paged(@Depends(pagination) page: FilterParams) {
    return page;
  }

  @Post('/login/')
  login(@Form({ extra: 'forbid' }) form: LoginForm) {
    return form;
  }
}

const client = clientFor(Models);
const errors = (body: unknown) => (body as { detail: unknown[] }).detail;

describe('parameter models', () => {
  it('reads a query model with its defaults, lists and constraints', async () => {
    expect((await client.get('/items/?limit=5')).json()).toEqual({ limit: 5, offset: 0, order_by: 'created_at', tags: [] });
    expect((await client.get('/items/?tags=a&tags=b&offset=3')).json()).toEqual({ limit: 100, offset: 3, order_by: 'created_at', tags: ['a', 'b'] });
    expect((await client.get('/lenient/?tool=plumbus')).json()).toEqual({ isInstance: true, limit: 100, offset: 0, order_by: 'created_at', tags: [] });
    expect((await client.get('/paged/?limit=7')).json()).toMatchObject({ limit: 7 });
  });

  it("answers FastAPI's errors, extra_forbidden last", async () => {
    const res = await client.get('/items/?limit=0&tool=plumbus&tags=a&tags=b');
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({
      detail: [
        { type: 'greater_than_equal', loc: ['query', 'limit'], msg: 'Input should be greater than or equal to 1', input: '0', ctx: { ge: 1 } },
        { type: 'extra_forbidden', loc: ['query', 'tool'], msg: 'Extra inputs are not permitted', input: 'plumbus' },
      ],
    });
    expect(errors((await client.get('/items/?limit=5&order_by=x')).json())).toEqual([
      {
        type: 'literal_error',
        loc: ['query', 'order_by'],
        msg: "Input should be 'created_at' or 'updated_at'",
        input: 'x',
        ctx: { expected: "'created_at' or 'updated_at'" },
      },
    ]);
  });

  it('reads a header model, a field save_data from the save-data header', async () => {
    expect((await client.get('/headers/', { headers: { 'save-data': 'yes', 'x-tag': 'a' } })).json()).toEqual({
      host: 'localhost:80',
      save_data: true,
      x_tag: ['a'],
    });
    expect(errors((await client.get('/headers/', { headers: { 'save-data': 'maybe' } })).json())).toEqual([
      { type: 'bool_parsing', loc: ['header', 'save_data'], msg: 'Input should be a valid boolean, unable to interpret input', input: 'maybe' },
    ]);
    const missing = errors((await client.get('/headers/', { headers: { save_data: 'yes' } })).json());
    expect(missing).toEqual([{ type: 'missing', loc: ['header', 'save_data'], msg: 'Field required', input: expect.objectContaining({ host: 'localhost:80' }) }]);
    expect((missing[0] as { input: Record<string, unknown> }).input).not.toHaveProperty('save_data');
  });

  it('reads a cookie model, forbidding extra cookies', async () => {
    expect((await client.get('/cookies/', { cookies: { session_id: 'abc' } })).json()).toEqual({ session_id: 'abc' });
    expect(errors((await client.get('/cookies/', { cookies: { session_id: 'abc', extra: '1' } })).json())).toEqual([
      { type: 'extra_forbidden', loc: ['cookie', 'extra'], msg: 'Extra inputs are not permitted', input: '1' },
    ]);
    expect(errors((await client.get('/cookies/')).json())).toEqual([{ type: 'missing', loc: ['cookie', 'session_id'], msg: 'Field required', input: {} }]);
  });

  it('forbids extra form fields of a form model', async () => {
    expect((await client.post('/login/', { form: { username: 'a' } })).json()).toEqual({ username: 'a' });
    expect(errors((await client.post('/login/', { form: { username: 'a', admin: 'yes' } })).json())).toEqual([
      { type: 'extra_forbidden', loc: ['body', 'admin'], msg: 'Extra inputs are not permitted', input: 'yes' },
    ]);
  });

  it('documents each field as a parameter of its own, as FastAPI does', async () => {
    const document = appFor(Models).openapi();
    expect(operationOf(document, '/items/', 'get').parameters).toEqual([
      { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, title: 'Limit', default: 100 } },
      { name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0, title: 'Offset', default: 0 } },
      { name: 'order_by', in: 'query', required: false, schema: { type: 'string', enum: ['created_at', 'updated_at'], title: 'Order By', default: 'created_at' } },
      { name: 'tags', in: 'query', required: false, schema: { items: { type: 'string' }, type: 'array', title: 'Tags', default: [] } },
    ]);
    expect(operationOf(document, '/headers/', 'get').parameters).toEqual([
      { name: 'host', in: 'header', required: true, schema: { type: 'string', title: 'Host' } },
      { name: 'save-data', in: 'header', required: true, schema: { type: 'boolean', title: 'Save Data' } },
      { name: 'x-tag', in: 'header', required: false, schema: { items: { type: 'string' }, type: 'array', title: 'X Tag', default: [] } },
    ]);
    expect(operationOf(document, '/cookies/', 'get').parameters).toEqual([
      { name: 'session_id', in: 'cookie', description: 'The session', required: true, schema: { type: 'string', title: 'Session Id', description: 'The session' } },
      { name: 'fatebook_tracker', in: 'cookie', required: false, schema: { anyOf: [{ type: 'string' }, { type: 'null' }], title: 'Fatebook Tracker' } },
    ]);
    expect(operationOf(document, '/items/', 'get').responses['422']).toBeDefined();
    expect(await openapiProblems(document)).toEqual([]);
  });

  it('refuses at start-up what a parameter model cannot be', () => {
    class Nested {
      @IsString() name!: string;
    }
    class WithNested {
      @IsString() q!: string;
      @Field({}) @IsOptional() nested?: Nested;
    }
    @Controller()
    class NamedDto {
      @Get('/') read(@Query('filters') filters: FilterParams) {
        return filters;
      }
    }
    @Controller()
    class UnnamedString {
      @Get('/') read(@Query() q: string) {
        return q;
      }
    }
    @Controller()
    class ExtraOnScalar {
      @Get('/') read(@Query('q', { extra: 'forbid' }) q: string) {
        return q;
      }
    }
    expect(() => appFor(NamedDto)).toThrow(/DEFT_ERR_PARAM_TYPE_UNKNOWN: .*leave the name out \(@Query\(\)\)/);
    expect(() => appFor(UnnamedString)).toThrow(/DEFT_ERR_PARAM_OPTIONS_INVALID: .*@Query\(\) needs the parameter's name, e\.g\. @Query\('q'\)/);
    expect(() => appFor(ExtraOnScalar)).toThrow(/`extra` applies to a parameter model/);
    void WithNested;
    expect(() => appFor(NamedDto)).toThrow(DeftError);
  });
});
