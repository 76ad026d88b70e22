import 'reflect-metadata';
import { Body, Controller, Get, Post, Query } from '@deft/core';
import { clientFor } from '../support/client';

@Controller()
class Items {
  @Post('/items/')
  create(@Body({ type: Object }) body: unknown) {
    return { body };
  }
  @Post('/no-body')
  noBody(@Query('q', { default: 'none' }) q: string) {
    return q;
  }
  @Get('/read')
  read() {
    return 'read';
  }
}
const client = clientFor(Items);

function post(body: string) {
  return client.post('/items/', { body, headers: { 'content-type': 'application/json' } });
}

describe('a malformed JSON body', () => {
  // Positions and messages are those of Python's json module, as FastAPI reports them.
  it.each([
    ['{some broken json}', 1, 'Expecting property name enclosed in double quotes'],
    ['{"a":1,}', 7, 'Expecting property name enclosed in double quotes'],
    ['{"a" 1}', 5, "Expecting ':' delimiter"],
    ['{"a":1 "b":2}', 7, "Expecting ',' delimiter"],
    ['[1,2', 4, "Expecting ',' delimiter"],
    ['{"a":tru}', 5, 'Expecting value'],
    ['{\n  "a":\n}', 9, 'Expecting value'],
    ['{"a":1}x', 7, 'Extra data'],
    ['"unterminated', 0, 'Unterminated string starting at'],
    ['{"a":"\\x"}', 6, 'Invalid \\escape'],
    ['{"a":"\\u12G4"}', 7, 'Invalid \\uXXXX escape'],
    ['"tab\there"', 4, 'Invalid control character at'],
    ['{"a":NaN}', 5, 'Expecting value'],
    ['   ', 3, 'Expecting value'],
  ])('%j answers 422 json_invalid at %j: %s', async (text, position, message) => {
    const res = await post(text);
    expect(res.status).toBe(422);
    expect(res.json()).toEqual({
      detail: [{ type: 'json_invalid', loc: ['body', position], msg: 'JSON decode error', input: {}, ctx: { error: message } }],
    });
  });

  it('is reported alone, before any other validation error', async () => {
    const res = await client.post('/items/?q=1', { body: '{', headers: { 'content-type': 'application/json' } });
    expect(res.json<{ detail: unknown[] }>().detail).toHaveLength(1);
  });

  it('does not matter to a route that reads no body', async () => {
    expect((await client.post('/no-body', { body: '{', headers: { 'content-type': 'application/json' } })).json()).toBe('none');
  });

  it('strips __proto__ keys instead of failing', async () => {
    expect((await post('{"__proto__":{"admin":true},"a":1}')).json()).toEqual({ body: { a: 1 } });
  });
});

describe('an empty JSON body', () => {
  it('is no body at all', async () => {
    const res = await post('');
    expect(res.json()).toEqual({ detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] });
  });
});
