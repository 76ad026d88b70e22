import 'reflect-metadata';
import { expectNormalAnswer, serveEveryParamApp } from '../support/every-param-app';
import { exchange } from '../support/raw-socket';
import { BAD_INPUTS, TOLERATED } from './bad-input-cases';

/**
 * Our own bad-input suite: every malformed request of the tables, on a raw
 * connection (Node's HTTP parser sees it, as it would from a real client),
 * gets a 4xx whose body is JSON with a `detail`, never a 5xx or silence, and
 * the server then answers a normal request.
 */
describe('bad input: every malformed request gets a JSON 4xx, and the server carries on', () => {
  const portOf = serveEveryParamApp();

  it('has at least 150 cases, each named once', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(BAD_INPUTS.map(([what]) => what)).size).toBe(BAD_INPUTS.length);
  });

  it.each(BAD_INPUTS)('%s', async (_what, request) => {
    const res = await exchange(portOf(), request);
    expect({ status: res.status >= 400 && res.status < 500 ? '4xx' : res.status, type: res.headers['content-type'], detail: typeof res.json === 'object' && res.json !== null && 'detail' in res.json }).toEqual({
      status: '4xx',
      type: expect.stringMatching(/^application\/json/),
      detail: true,
    });
    await expectNormalAnswer(portOf());
  });

  it.each(TOLERATED)('%s: answered normally', async (_what, request) => {
    expect((await exchange(portOf(), request)).status).toBe(200);
  });
});
