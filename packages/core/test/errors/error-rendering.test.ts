import 'reflect-metadata';
import { IsString } from 'class-validator';
import { Body, Controller, createApp, Get, HTTPException, Path, Post, RequestValidationError } from '@deft/core';
import { TestClient } from '@deft/testing';

class Item {
  @IsString() name!: string;
}

@Controller()
class Echoes {
  @Post('/item')
  item(@Body() item: Item) {
    return item;
  }

  @Post('/text')
  text(@Body({ type: String }) text: string) {
    return { length: text.length };
  }

  @Post('/ignores-body')
  ignores() {
    return 'ok';
  }

  @Get('/cyclic-input')
  cyclicInput(): never {
    const input: Record<string, unknown> = { a: 1 };
    input.self = input;
    throw new RequestValidationError([{ type: 'custom', loc: ['query', 'x'], msg: 'made by the app', input }]);
  }

  @Get('/cyclic-detail')
  cyclicDetail(): never {
    const detail: Record<string, unknown> = { a: 1 };
    detail.self = detail;
    throw new HTTPException(400, detail);
  }

  @Get('/items/{id}')
  byId(@Path('id') id: string) {
    return { id };
  }
}

const json = { 'content-type': 'application/json' };
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** The depth of nested arrays down to the first non-array, and what is found there. */
function bottom(value: unknown): [number, unknown] {
  let depth = 0;
  while (Array.isArray(value)) {
    depth++;
    value = value[0];
  }
  return [depth, value];
}

describe("the input a 422 echoes is bounded, so rendering an error can't fail", () => {
  it("echoes an object's keys in the client's order, nested values among them", async () => {
    const client = new TestClient(createApp({ controllers: [Echoes], fastify: { logger: false } }));
    const sent = '{"a":1,"nested":{"y":2,"x":[3,{"q":4}]},"b":"two","list":[1],"z":null}';
    const res = await client.post('/item', { body: sent, headers: json });
    expect(res.text).toBe(`{"detail":[{"type":"missing","loc":["body","name"],"msg":"Field required","input":${sent}}]}`);
  });

  const deepApp = createApp({ controllers: [Echoes], limits: { jsonDepth: 20_000 }, fastify: { logger: false } });
  const deep = new TestClient(deepApp);
  afterAll(() => deepApp.close());

  it('a body nested 10,000 deep (allowed by a raised jsonDepth) gets its 422, its echo cut at 32 levels', async () => {
    const res = await deep.post('/item', { body: nested(10_000), headers: json });
    expect(res.status).toBe(422);
    const [item] = res.json<{ detail: { type: string; input: unknown }[] }>().detail;
    expect(item!.type).toBe('model_attributes_type');
    expect(bottom(item!.input)).toEqual([32, '[truncated]']);
  });

  it('an unclosed body nested 100,000 deep is located by a scanner that does not recurse: 422 json_invalid', async () => {
    const app = createApp({ controllers: [Echoes], limits: { jsonDepth: 200_000 }, fastify: { logger: false } });
    const res = await new TestClient(app).post('/item', { body: '['.repeat(100_000), headers: json });
    expect([res.status, res.json()]).toEqual([
      422,
      { detail: [{ type: 'json_invalid', loc: ['body', 100_000], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting value' } }] },
    ]);
    await app.close();
  });

  it('by default the same bodies are refused before they are parsed: 413, naming the limit', async () => {
    const client = new TestClient(createApp({ controllers: [Echoes], fastify: { logger: false } }));
    for (const body of [nested(10_000), '['.repeat(100_000)]) {
      const res = await client.post('/item', { body, headers: json });
      expect([res.status, res.json()]).toEqual([413, { detail: 'The JSON body nests deeper than 512 levels (limits.jsonDepth)' }]);
    }
    // At the limit the body parses, and the 422 echoes it, cut at 32 levels.
    const res = await client.post('/item', { body: nested(512), headers: json });
    expect(res.status).toBe(422);
    expect(bottom(res.json<{ detail: { input: unknown }[] }>().detail[0]!.input)).toEqual([32, '[truncated]']);
  });

  it('a wide input is echoed up to 10,000 values', async () => {
    const within = await deep.post('/item', { body: JSON.stringify(Array.from({ length: 10_000 }, (_, i) => i)), headers: json });
    expect(within.json<{ detail: { input: unknown[] }[] }>().detail[0]!.input).toHaveLength(10_000);
    const over = await deep.post('/item', { body: JSON.stringify(Array.from({ length: 10_001 }, (_, i) => i)), headers: json });
    expect(over.json<{ detail: { input: unknown }[] }>().detail[0]!.input).toBe('[truncated]');
  });

  it("an app's validation error whose input is a cycle: the cycle is cut, the 422 is written", async () => {
    const res = await deep.get('/cyclic-input');
    expect(res.status).toBe(422);
    const input = res.json<{ detail: { input: Record<string, unknown> }[] }>().detail[0]!.input;
    let level: unknown = input;
    for (let i = 1; i < 32; i++) level = (level as { self: unknown }).self;
    expect(level).toEqual({ a: 1, self: '[truncated]' });
  });

  it("an app's HTTPException whose detail JSON cannot write is a bug: the plain JSON 500", async () => {
    const res = await deep.get('/cyclic-detail');
    expect([res.status, res.json()]).toEqual([500, { detail: 'Internal Server Error' }]);
  });
});

describe('a body whose bytes are not UTF-8', () => {
  const client = new TestClient(createApp({ controllers: [Echoes], fastify: { logger: false } }));
  const notUtf8 = [Buffer.from('{"name":"\xff\xfe"}', 'latin1'), Buffer.from('{"name":"\xc0\xaf"}', 'latin1'), Buffer.from([0xed, 0xa0, 0x80])];

  it.each(notUtf8.map((body) => [body.toString('hex'), body]))('JSON %s: 400, never stored with replacement characters', async (_hex, body) => {
    const res = await client.post('/item', { body, headers: json });
    expect([res.status, res.json()]).toEqual([400, { detail: 'There was an error parsing the body: it is not valid UTF-8' }]);
  });

  it('text read as a string: 400 too', async () => {
    const res = await client.post('/text', { body: Buffer.from([0x61, 0xff]), headers: { 'content-type': 'text/plain' } });
    expect([res.status, res.json()]).toEqual([400, { detail: 'There was an error parsing the body: it is not valid UTF-8' }]);
  });

  it('does not matter to a route that reads no body, as malformed JSON does not', async () => {
    const res = await client.post('/ignores-body', { body: Buffer.from([0xff]), headers: json });
    expect(res.json()).toBe('ok');
  });

  it('valid UTF-8, a replacement character included, is read as it is', async () => {
    const res = await client.post('/item', { body: Buffer.from('{"name":"é \u{1F600} \uFFFD"}', 'utf8'), headers: json });
    expect(res.json()).toEqual({ name: 'é \u{1F600} \uFFFD' });
  });
});

describe('a URL the router cannot decode', () => {
  it('answers a JSON 400', async () => {
    const client = new TestClient(createApp({ controllers: [Echoes], fastify: { logger: false } }));
    const res = await client.get('/items/%zz');
    expect([res.status, res.json()]).toEqual([400, { detail: 'The path is not a valid URL: a % must start a percent-encoded byte' }]);
  });
});
