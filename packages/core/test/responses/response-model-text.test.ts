import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsDate, IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import { Controller, createApp, Get, Int, Path } from '@deft/core';
import { TestClient } from '@deft/testing';

class TagOut {
  @IsString() name!: string;
}

class NoteOut {
  @IsInt() id!: number;
  @IsString() title!: string;
  @IsOptional() @IsString() body?: string | null;
  @IsDate() at!: Date;
  @ValidateNested({ each: true }) @Type(() => TagOut) tags!: TagOut[];
  @IsOptional() @ValidateNested() @Type(() => NoteOut) parent?: NoteOut | null;
}

const stored = {
  secret: 'hash',
  tags: [{ name: 'a', internal: 1 }, { name: 'b\n"quoted"' }],
  title: 'Hello',
  id: 7,
  at: new Date('2024-05-06T07:08:09.000Z'),
  body: null,
  parent: { id: 1, title: 'Root', at: new Date(0), tags: [], extra: true, parent: undefined },
  ignored: () => 1,
};

class ValueOut {
  @IsOptional() value?: unknown;
  @IsOptional() values?: unknown[];
}

/** Scalars of every kind a field may hold at run time, whatever the model declares. */
const scalars: unknown[] = [
  'plain',
  '',
  'quote " and backslash \\',
  'control \u0000 \u0007 \t \n \u001f',
  'del \u007f, é, ü, 中文',
  'emoji \ud83d\ude00 (a surrogate pair)',
  'lone \ud800 high and \udc00 low surrogates',
  'long '.repeat(2000) + '"',
  'long '.repeat(2000),
  0,
  -0,
  1.5,
  -2e-7,
  1e21,
  Number.MAX_SAFE_INTEGER,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  null,
  new Date(86_400_000),
  { nested: ['kept', 'whole'] },
];

@Controller()
class Values {
  @Get('/values/{i}', { responseModel: ValueOut })
  value(@Path('i', { type: Int }) i: number) {
    return { value: scalars[i], values: [scalars[i], scalars[(i + 1) % scalars.length]], extra: 'dropped' };
  }
}

@Controller()
class Notes {
  @Get('/note', { responseModel: NoteOut })
  note() {
    return stored;
  }
  @Get('/notes', { responseModel: [NoteOut] })
  notes() {
    return [stored, { ...stored, id: 8, body: undefined, parent: null }];
  }
  @Get('/nothing', { responseModel: NoteOut })
  nothing() {
    return undefined;
  }
}

describe('the JSON text of a response model', () => {
  const client = new TestClient(createApp({ controllers: [Notes], fastify: { logger: false } }));
  const note =
    '{"id":7,"title":"Hello","body":null,"at":"2024-05-06T07:08:09.000Z","tags":[{"name":"a"},{"name":"b\\n\\"quoted\\""}],' +
    '"parent":{"id":1,"title":"Root","body":null,"at":"1970-01-01T00:00:00.000Z","tags":[],"parent":null}}';

  it('has the declared fields only, in declaration order, escaped as JSON.stringify does', async () => {
    const res = await client.get('/note');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.text).toBe(note);
  });

  it('writes lists, and writes an optional field left undefined as null, as FastAPI fills it', async () => {
    const second = note.replace('"id":7', '"id":8').replace(/"parent":\{.*\}\}$/, '"parent":null}');
    expect((await client.get('/notes')).text).toBe(`[${note},${second}]`);
  });

  it('answers 500 for no value, which is no NoteOut', async () => {
    expect((await client.get('/nothing')).status).toBe(500);
  });
});

describe('scalar fields of a response model', () => {
  const client = new TestClient(createApp({ controllers: [Values], fastify: { logger: false } }));

  it('are written exactly as JSON.stringify writes them, strings escaped, numbers that JSON cannot hold as null', async () => {
    for (let i = 0; i < scalars.length; i++) {
      const res = await client.get(`/values/${i}`);
      const expected = JSON.stringify({ value: scalars[i], values: [scalars[i], scalars[(i + 1) % scalars.length]] });
      expect([i, res.text]).toEqual([i, expected]);
    }
  });
});
