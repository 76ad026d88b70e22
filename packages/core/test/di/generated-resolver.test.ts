import 'reflect-metadata';
import { BackgroundTasks, Controller, createApp, defineDependency, Depends, Get, Header, Int, Query, RequestContext, SecurityScopes, type DeftApp } from '@deft/core';
import { TestClient } from '@deft/testing';

/**
 * Each route's arguments are resolved by code generated for its graph at
 * start-up; with any override in place the general resolver runs instead.
 * The same requests must get the same answers from both, in the same order
 * of calls: synchronous and asynchronous dependencies, generators, shared
 * (cached) and single uses, invalid inputs, injected values.
 */
const calls: string[] = [];

const limit = defineDependency({ limit: Query('limit', { type: Int, default: 10, ge: 1 }) }, ({ limit }) => {
  calls.push('limit');
  return limit;
});
const asyncUser = defineDependency({ token: Header('x-token', { type: String }) }, async ({ token }) => {
  calls.push('user');
  await Promise.resolve();
  return { name: token };
});
const session = defineDependency({ user: Depends(asyncUser) }, function* ({ user }) {
  calls.push('session open');
  yield `session of ${user.name}`;
  calls.push('session closed');
});
const shared = defineDependency({ limit: Depends(limit) }, ({ limit }) => {
  calls.push('shared');
  return limit * 2;
});
const unrelated = defineDependency({}, () => 'unrelated');

@Controller()
class Graph {
  @Get('/graph')
  read(
    @Depends(limit) first: number,
    @Depends(shared) doubled: number,
    @Depends(session) current: string,
    @Query('q', { type: String, default: null }) q: string | null,
    context: RequestContext,
    tasks: BackgroundTasks,
    scopes: SecurityScopes,
  ) {
    calls.push('handler');
    return { first, doubled, current, q, method: context.method, tasks: tasks instanceof BackgroundTasks, scopes: scopes.scopes };
  }
}

const REQUESTS: { path: string; headers?: Record<string, string> }[] = [
  { path: '/graph?limit=3&q=x', headers: { 'x-token': 'alice' } },
  { path: '/graph', headers: { 'x-token': 'bob' } },
  { path: '/graph?limit=0', headers: { 'x-token': 'alice' } },
  { path: '/graph?limit=abc' },
  { path: '/graph?q=only' },
];

async function answers(app: DeftApp) {
  const client = new TestClient(app);
  const seen = [];
  for (const { path, headers } of REQUESTS) {
    calls.length = 0;
    const response = await client.get(path, { headers });
    seen.push({ status: response.status, body: response.json<unknown>(), calls: [...calls] });
  }
  return seen;
}

describe("a route's generated resolver", () => {
  it('answers as the general resolver does, calls in the same order included', async () => {
    const app = createApp({ controllers: [Graph], fastify: { logger: false } });
    const generated = await answers(app);
    app.dependencyOverrides.set(unrelated, () => 'replaced');
    const general = await answers(app);
    await app.close();
    expect(generated).toEqual(general);
    expect(generated[0]).toEqual({
      status: 200,
      body: { first: 3, doubled: 6, current: 'session of alice', q: 'x', method: 'GET', tasks: true, scopes: [] },
      calls: ['limit', 'shared', 'user', 'session open', 'handler', 'session closed'],
    });
    expect(generated.map((answer) => answer.status)).toEqual([200, 200, 422, 422, 422]);
  });
});
