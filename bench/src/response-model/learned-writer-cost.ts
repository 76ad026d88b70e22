import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BENCH_ROOT } from '../harness/server-process';
import { median } from '../harness/stats';
import { nsPerWrite } from '../harness/write-timing';

/**
 * What writing a result without a response model costs: three results a
 * route returns as they are, each written a million times by `JSON.stringify`
 * (what Deft wrote them with before it learned shapes), by the writer a
 * route learns from its first result, and by fast-json-stringify from a
 * hand-written schema (what hand-written Fastify needs to be given), in
 * turns, median of the rounds.
 * `node bench/dist/response-model/learned-writer-cost.js [rounds]`.
 */

// The writer is internal to @deft/core (not exported): loaded from its build, for this measurement only.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module of the built package
const { learnedJsonWriter } = require(join(dirname(require.resolve('@deft/core')), 'response', 'learned-writer.js')) as {
  learnedJsonWriter: () => (value: unknown) => string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- fastify's dependency, resolved from fastify itself
const fastJson = require(require.resolve('fast-json-stringify', { paths: [dirname(require.resolve('fastify'))] })) as (schema: object) => (value: unknown) => string;

const text = { type: 'string' } as const;
const integer = { type: 'integer' } as const;
const number = { type: 'number' } as const;

/** Twenty rows of a list endpoint: integers, strings, a boolean and a nested owner. */
const rows = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, title: `Todo number ${i + 1}`, done: i % 3 === 0, owner: { id: 7, username: 'johndoe' } }));
const rowsSchema = {
  type: 'array',
  items: { type: 'object', properties: { id: integer, title: text, done: { type: 'boolean' }, owner: { type: 'object', properties: { id: integer, username: text } } } },
};

class Dimensions {
  width = 10.5;
  height = 30.25;
  depth = 3.5;
}
/** The body scenario's item as the DTO instance its handler returns: five of its numbers are fractions. */
class Item {
  name = 'Hammer';
  description = 'A claw hammer';
  price = 12.5;
  tax = 1.25;
  quantity = 3;
  in_stock = true;
  tags = ['hand-tools', 'steel'];
  dimensions = new Dimensions();
  sku = 'HAM-0001';
  category = 'tools';
}
const itemSchema = {
  type: 'object',
  properties: {
    name: text,
    description: text,
    price: number,
    tax: number,
    quantity: integer,
    in_stock: { type: 'boolean' },
    tags: { type: 'array', items: text },
    dimensions: { type: 'object', properties: { width: number, height: number, depth: number } },
    sku: text,
    category: text,
  },
};

/** The seed scenario's flat answer. */
const token = { token: 'johndoe' };
const tokenSchema = { type: 'object', properties: { token: text } };

const results = [
  ['20 rows (a list endpoint)', rows, rowsSchema],
  ['the body item (a DTO instance)', new Item(), itemSchema],
  ['{ token } (flat)', token, tokenSchema],
] as const;

const N = 1_000_000;

function main(): void {
  const rounds = Number(process.argv[2] ?? 7);
  const lines = [
    '# What writing a result without a response model costs',
    '',
    `Each result written ${N.toLocaleString('en')} times per round (the 20 rows a tenth as often), ${rounds} rounds, the writers in turns; ns per result, median (the rounds).`,
    '',
    '| result | JSON.stringify | learned writer | fast-json-stringify (hand-written schema) | learned ÷ JSON.stringify |',
    '|---|--:|--:|--:|--:|',
  ];
  for (const [label, value, schema] of results) {
    const learned = learnedJsonWriter();
    const writers = [JSON.stringify, learned, fastJson(schema)];
    const expected = JSON.stringify(value);
    for (const write of writers) if (write(value) !== expected) throw new Error(`${label}: a writer wrote ${write(value)}`);
    const count = Array.isArray(value) ? N / 10 : N;
    const samples = writers.map(() => [] as number[]);
    writers.forEach((write) => nsPerWrite(write, value, count));
    for (let round = 0; round < rounds; round++) writers.forEach((write, i) => samples[i]!.push(nsPerWrite(write, value, count)));
    const [plain, generated, fast] = samples.map((s) => `${median(s).toFixed(0)} (${s.map((v) => v.toFixed(0)).join(', ')})`);
    lines.push(`| ${label} | ${plain} | ${generated} | ${fast} | ${(median(samples[1]!) / median(samples[0]!)).toFixed(2)} |`);
  }
  lines.push('');
  const file = join(BENCH_ROOT, 'results', `${new Date().toISOString().slice(0, 10)}-learned-writer.md`);
  writeFileSync(file, lines.join('\n'));
  console.log(lines.join('\n'));
  console.log(`Written ${file}`);
}

main();
