import 'reflect-metadata';
import { Controller, Get, Query } from '@deft/core';
import { clientFor } from '../support/client';

let calls = 0;

@Controller()
class Answers {
  /** A key the client chooses: whatever it is, the route answers `{ [key]: value }`. */
  @Get('/echo')
  echo(@Query('key') key: string, @Query('value') value: string) {
    return { [key]: value };
  }

  /** One shape at first, then others. */
  @Get('/changing')
  changing() {
    calls++;
    if (calls <= 3) return { id: calls, name: `n${calls}`, active: calls % 2 === 0, note: null };
    if (calls === 4) return { name: 'moved', id: 4, active: true, note: null };
    if (calls === 5) return { id: 5, name: 'nested', active: true, note: { text: 'x' } };
    if (calls === 6) return { id: 6, name: 'big', active: true, note: 10n ** 20n };
    if (calls === 7) return { id: 7, name: undefined, active: true, note: null };
    return { id: calls, name: 'tab\there "quoted" \u2028', active: false, note: Number.NaN };
  }
}

describe('results without a response model', () => {
  it('answers a shape chosen by the client with the JSON of that object, the key never being code', async () => {
    const client = clientFor(Answers);
    const keys = ['"]; globalThis.deftEchoInjected = 1; //', '__proto__', 'a\\"b', 'line\u2028separator', 'constructor'];
    for (const key of keys) {
      for (const value of ['one', 'two "quoted"', 'ü\u0001']) {
        const response = await client.get('/echo', { query: { key, value } });
        expect(response.status).toBe(200);
        expect(response.text).toBe(JSON.stringify(Object.defineProperty({}, key, { value, enumerable: true })));
      }
    }
    expect((globalThis as { deftEchoInjected?: number }).deftEchoInjected).toBeUndefined();
  });

  it('writes each answer as JSON.stringify does when the shape changes: keys moved, nested values, a bigint, undefined', async () => {
    const client = clientFor(Answers);
    const bodies: string[] = [];
    for (let i = 0; i < 9; i++) bodies.push((await client.get('/changing')).text);
    expect(bodies).toEqual([
      '{"id":1,"name":"n1","active":false,"note":null}',
      '{"id":2,"name":"n2","active":true,"note":null}',
      '{"id":3,"name":"n3","active":false,"note":null}',
      '{"name":"moved","id":4,"active":true,"note":null}',
      '{"id":5,"name":"nested","active":true,"note":{"text":"x"}}',
      '{"id":6,"name":"big","active":true,"note":100000000000000000000}',
      '{"id":7,"active":true,"note":null}',
      '{"id":8,"name":"tab\\there \\"quoted\\" \u2028","active":false,"note":null}',
      '{"id":9,"name":"tab\\there \\"quoted\\" \u2028","active":false,"note":null}',
    ]);
  });
});
