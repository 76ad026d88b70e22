import 'reflect-metadata';
import fc from 'fast-check';
import { Controller, createApp, defineDependency, Get, Header, Int, Path, Query, type DeftApp } from '@deft/core';
import { TestClient } from '@deft/testing';

/**
 * A route's generated code reads a good scalar path, query or header value
 * itself and hands anything else to the parameter's reader; with an
 * override in place the general resolver reads every value through the
 * readers alone. Random requests (absent, repeated, malformed, edge and
 * passing values for every parameter) must get the same answer both ways.
 */
const unrelated = defineDependency({}, () => 'unrelated');

@Controller()
class Search {
  @Get('/things/{thing_id}')
  search(
    @Path('thing_id', { type: Int, ge: 1 }) thingId: number,
    @Query('q', { minLength: 2, maxLength: 5, pattern: '^[a-z]+$' }) q: string,
    @Query('page', { type: Int, default: 1, gt: 0, le: 100 }) page: number,
    @Query('ratio', { type: Number, default: 0.5, ge: 0, lt: 1 }) ratio: number,
    @Query('sort', { default: 'name', enum: ['name', 'price'] }) sort: string,
    @Query('level', { type: Int, default: 1, enum: [1, 2, 3] }) level: number,
    @Query('flag', { type: Boolean, default: false }) flag: boolean,
    @Query('id', { type: String, format: 'uuid', required: false }) id: string | undefined,
    @Query('step', { type: Int, default: 2, multipleOf: 2 }) step: number,
    @Query('filters', { type: String, default: { kept: true } }) filters: string | { kept: boolean; seen?: number },
    @Header('X-Count', { type: Int, required: false, lt: 10 }) count: number | undefined,
  ) {
    // A default that is an object is each request's own copy: what one request does to it, the next never sees.
    if (typeof filters === 'object') filters.seen = (filters.seen ?? 0) + 1;
    return { thingId, q, page, ratio, sort, level, flag, id, step, filters, count };
  }
}

const edgeValues = [
  '', ' ', '0', '1', '2', '3', '-1', '+1', '01', '1.0', '1.5', '1e2', '1_000', ' 2', '2 ', '\u0661', '100', '101', '0.99', '1', '-0', 'nan', 'NaN', 'inf', 'Infinity',
  'a', 'ab', 'abcde', 'abcdef', 'AB', 'ab1', 'name', 'price', 'Name', 'true', 'false', 'on', 'off', 'yes', '0x1', '9007199254740993',
  '123e4567-e89b-12d3-a456-426614174000', '123E4567-E89B-12D3-A456-426614174000', '{123e4567-e89b-12d3-a456-426614174000}', 'ü', '\u2028',
];
const value = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...edgeValues) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
/** Absent, once, or repeated (the last one counts for a query, the first for a header). */
const sent = fc.oneof(fc.constant([] as string[]), fc.array(value, { minLength: 1, maxLength: 1 }), fc.array(value, { minLength: 2, maxLength: 3 }));
const QUERY_NAMES = ['q', 'page', 'ratio', 'sort', 'level', 'flag', 'id', 'step', 'filters'] as const;

const request = fc.record({
  thingId: fc.constantFrom('1', '0', '7', 'x', '1.0', '%20', '18446744073709551616'),
  query: fc.tuple(...QUERY_NAMES.map(() => sent)),
  count: sent,
});
type Request = typeof request extends fc.Arbitrary<infer R> ? R : never;

async function answer(client: TestClient, { thingId, query, count }: Request) {
  const search = new URLSearchParams();
  QUERY_NAMES.forEach((name, i) => query[i]!.forEach((item) => search.append(name, item)));
  const headers: Record<string, string | string[]> = {};
  if (count.length === 1) headers['x-count'] = count[0]!;
  else if (count.length > 1) headers['x-count'] = count;
  const response = await client.get(`/things/${thingId}?${search.toString()}`, { headers });
  return { status: response.status, body: response.text };
}

describe('generated reads of path, query and header values', () => {
  let generated: DeftApp;
  let general: DeftApp;
  beforeAll(() => {
    generated = createApp({ controllers: [Search], fastify: { logger: false } });
    general = createApp({ controllers: [Search], fastify: { logger: false } });
    general.dependencyOverrides.set(unrelated, () => 'replaced');
  });
  afterAll(async () => {
    await generated.close();
    await general.close();
  });

  it('answer every request as the readers alone do', async () => {
    const fast = new TestClient(generated);
    const slow = new TestClient(general);
    await fc.assert(
      fc.asyncProperty(request, async (sample) => {
        expect(await answer(fast, sample)).toEqual(await answer(slow, sample));
      }),
      { numRuns: 600 },
    );
  });

  it('take good values, defaults and absent optional values without the readers, and still answer them', async () => {
    const fast = new TestClient(generated);
    const response = await fast.get('/things/7?q=abc&page=100&ratio=0&sort=price&level=3&flag=on&id=123e4567-e89b-12d3-a456-426614174000', { headers: { 'x-count': '9' } });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ thingId: 7, q: 'abc', page: 100, ratio: 0, sort: 'price', level: 3, flag: true, id: '123e4567-e89b-12d3-a456-426614174000', step: 2, filters: { kept: true, seen: 1 }, count: 9 });
    const defaults = await fast.get('/things/1?q=ab');
    expect(defaults.json()).toEqual({ thingId: 1, q: 'ab', page: 1, ratio: 0.5, sort: 'name', level: 1, flag: false, step: 2, filters: { kept: true, seen: 1 } });
  });
});
