import { luaString, parseWrkOutput, wrkScript } from '../src/wrk/wrk-load';

/** Reads a Lua string literal made of letters, digits and `\ddd` escapes back into text. */
function fromLua(literal: string): string {
  expect(literal).toMatch(/^"(?:[A-Za-z0-9]|\\\d{3})*"$/);
  const bytes: number[] = [];
  for (const [, escaped, plain] of literal.slice(1, -1).matchAll(/\\(\d{3})|([A-Za-z0-9])/g)) bytes.push(escaped !== undefined ? Number(escaped) : plain!.charCodeAt(0));
  return Buffer.from(bytes).toString('utf8');
}

describe('the wrk load', () => {
  it.each(['Bearer johndoe', '{"name":"Hammer","tags":["a]]b"]}', 'quote " backslash \\ newline \n', 'é ✓ \u{1F600}', ']]..[[--'])('writes %j as a Lua string that is nothing but the text', (text) => {
    expect(fromLua(luaString(text))).toBe(text);
  });

  it('cycles through the scenario requests, each with its method, path, headers and body', () => {
    const script = wrkScript([
      { method: 'GET', path: '/users/me', headers: { authorization: 'Bearer johndoe' } },
      { method: 'POST', path: '/items', headers: { 'content-type': 'application/json' }, body: '{"a":1}' },
    ]);
    const calls = [...script.matchAll(/wrk\.format\((".*?"), (".*?"), \{ \[(".*?")\] = (".*?") \}, (nil|".*?")\)/g)].map((m) => m.slice(1).map((part) => (part === 'nil' ? null : fromLua(part))));
    expect(calls).toEqual([
      ['GET', '/users/me', 'authorization', 'Bearer johndoe', null],
      ['POST', '/items', 'content-type', 'application/json', '{"a":1}'],
    ]);
    expect(script).toContain('i = i % #requests + 1');
  });

  it("reads wrk's summary: requests, duration, answers that were not 2xx, socket errors", () => {
    const output = [
      'Running 10s test @ http://127.0.0.1:40000',
      '  1 threads and 50 connections',
      '  Thread Stats   Avg      Stdev     Max   +/- Stdev',
      '    Latency   680.90us  110.52us   4.12ms   90.28%',
      '    Req/Sec    73.52k     2.10k   76.27k    80.00%',
      '  731466 requests in 10.00s, 135.61MB read',
      '  Socket errors: connect 0, read 3, write 1, timeout 0',
      '  Non-2xx or 3xx responses: 12',
      'Requests/sec:  73127.48',
    ].join('\n');
    expect(parseWrkOutput(output)).toEqual({ requests: 731466, seconds: 10, non2xx: 12, socketErrors: 4 });
    expect(parseWrkOutput('  5000 requests in 500.00ms, 1MB read\n')).toEqual({ requests: 5000, seconds: 0.5, non2xx: 0, socketErrors: 0 });
    expect(() => parseWrkOutput('unable to connect to 127.0.0.1:1 Connection refused')).toThrow(/no summary/);
  });
});
