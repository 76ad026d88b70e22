import 'reflect-metadata';
import type { DeftApp } from '@deft/core';
import { everyParamApp } from '../support/every-param-app';
import { listenOnLoopback } from '../support/lifecycle';
import { exchange, httpRequest } from '../support/raw-socket';
import { BAD_INPUTS, TOLERATED } from './bad-input-cases';

/**
 * Our own bad-input suite: every malformed request of the tables, on a raw
 * connection (Node's HTTP parser sees it, as it would from a real client),
 * gets a 4xx whose body is JSON with a `detail`, never a 5xx or silence, and
 * the server then answers a normal request.
 */
describe('bad input: every malformed request gets a JSON 4xx, and the server carries on', () => {
  let app: DeftApp;
  let port: number;
  beforeAll(async () => {
    app = everyParamApp();
    port = await listenOnLoopback(app);
  });
  afterAll(() => app.close());

  it('has at least 150 cases, each named once', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(BAD_INPUTS.map(([what]) => what)).size).toBe(BAD_INPUTS.length);
  });

  it.each(BAD_INPUTS)('%s', async (_what, request) => {
    const res = await exchange(port, request);
    expect({ status: res.status >= 400 && res.status < 500 ? '4xx' : res.status, type: res.headers['content-type'], detail: typeof res.json === 'object' && res.json !== null && 'detail' in res.json }).toEqual({
      status: '4xx',
      type: expect.stringMatching(/^application\/json/),
      detail: true,
    });
    const normal = await exchange(port, httpRequest('GET', '/items/7?limit=3'));
    expect([normal.status, (normal.json as { itemId?: number }).itemId]).toEqual([200, 7]);
  });

  it.each(TOLERATED)('%s: answered normally', async (_what, request) => {
    expect((await exchange(port, request)).status).toBe(200);
  });
});
