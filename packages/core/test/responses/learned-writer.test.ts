import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import { Body, Controller, Get, Post, Query } from '@deft/core';
import { clientFor } from '../support/client';

let calls = 0;

class Size {
  @IsNumber() width!: number;
  @IsNumber() height!: number;
}

class Parcel {
  @IsString() label!: string;
  @IsOptional() @IsString() note?: string | null;
  @IsArray() @IsString({ each: true }) tags!: string[];
  @ValidateNested() @Type(() => Size) size!: Size;
}

/** A handler returning the body it was given (a `Parcel` instance), and one returning rows. */
@Controller()
class Echoes {
  @Post('/parcels')
  echo(@Body() parcel: Parcel) {
    return parcel;
  }

  @Get('/rows')
  rows(@Query('count') count: number, @Query('odd', { required: false }) odd?: string) {
    const rows: unknown[] = Array.from({ length: count }, (_, i) => ({ id: i, name: `row ${i}`, owner: { id: i * 10, admin: i % 2 === 0 } }));
    if (odd === 'nested') rows.push({ id: -1, name: 'odd', owner: { id: 0, admin: false, since: new Date(0) } });
    if (odd === 'key') rows.push({ id: -1, title: 'odd', owner: { id: 0, admin: false } });
    return rows;
  }
}

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

describe('DTO instances and lists without a response model', () => {
  it('writes a returned body as JSON.stringify writes the instance: an optional field it lacks left out, nested DTOs and lists in place', async () => {
    const client = clientFor(Echoes);
    const inClassOrder = (p: { label: string; note?: string | null; tags: string[]; size: { width: number; height: number } }) =>
      JSON.stringify({ label: p.label, note: p.note, tags: p.tags, size: { width: p.size.width, height: p.size.height } });
    const parcels = [
      { label: 'one', note: 'fragile', tags: ['a', 'b'], size: { width: 1.5, height: 2 } },
      { label: 'two', tags: [], size: { width: 3, height: 4 } },
      { label: 'three "quoted"', note: null, tags: ['x\u2028y'], size: { width: 0.1, height: -0 } },
      { size: { height: 1, width: 2 }, tags: ['moved'], label: 'keys in another order' },
    ];
    for (let round = 0; round < 3; round++) {
      for (const parcel of parcels) {
        const response = await client.post('/parcels', { json: parcel });
        expect(response.status).toBe(200);
        expect(response.text).toBe(inClassOrder(parcel));
      }
    }
    expect((await client.post('/parcels', { json: parcels[1] })).text).toBe('{"label":"two","tags":[],"size":{"width":3,"height":4}}');
  });

  it('writes a list of rows as JSON.stringify does, and a row of another shape among them too', async () => {
    const client = clientFor(Echoes);
    const expected = (count: number) => Array.from({ length: count }, (_, i) => ({ id: i, name: `row ${i}`, owner: { id: i * 10, admin: i % 2 === 0 } }));
    expect((await client.get('/rows', { query: { count: '3' } })).text).toBe(JSON.stringify(expected(3)));
    expect((await client.get('/rows', { query: { count: '0' } })).text).toBe('[]');
    expect((await client.get('/rows', { query: { count: '2', odd: 'nested' } })).text).toBe(
      JSON.stringify([...expected(2), { id: -1, name: 'odd', owner: { id: 0, admin: false, since: new Date(0) } }]),
    );
    expect((await client.get('/rows', { query: { count: '1', odd: 'key' } })).text).toBe(JSON.stringify([...expected(1), { id: -1, title: 'odd', owner: { id: 0, admin: false } }]));
    expect((await client.get('/rows', { query: { count: '5' } })).text).toBe(JSON.stringify(expected(5)));
  });
});
