import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { IsBoolean, IsEmail, IsOptional, IsString } from 'class-validator';
import { BENCH_ROOT } from '../harness/server-process';
import { median } from '../harness/stats';
import { nsPerWrite } from '../harness/write-timing';

/**
 * What checking a result against its response model and writing it costs:
 * the chain scenario's model written a million times with validation on and
 * off (`validateResponse: false`), by the generated writer and by the
 * interpreter, and by fast-json-stringify from a hand-written schema, in
 * turns, median of the rounds.
 * `node bench/dist/response-model/validation-cost.js [rounds]`.
 */
class UserOut {
  @IsString() username!: string;
  @IsOptional() @IsEmail() email?: string;
  @IsOptional() @IsString() full_name?: string;
  @IsBoolean() disabled!: boolean;
}

// The writer is internal to @deft/core (not exported): loaded from its build, for this measurement only.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module of the built package
const { compileResponseWriter } = require(join(dirname(require.resolve('@deft/core')), 'response', 'response-filter.js')) as {
  compileResponseWriter: (model: unknown, where: string, options: { validate?: boolean; interpret?: boolean }) => (value: unknown) => string;
};
// What hand-written Fastify writes the same result with: its own fast-json-stringify, from the schema the bench's Fastify app gives.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- fastify's dependency, resolved from fastify itself
const fastJson = require(require.resolve('fast-json-stringify', { paths: [dirname(require.resolve('fastify'))] })) as (schema: object) => (value: unknown) => string;
const userOutSchema = {
  type: 'object',
  properties: { username: { type: 'string' }, email: { type: 'string' }, full_name: { type: 'string' }, disabled: { type: 'boolean' } },
};

const user = { username: 'johndoe', email: 'johndoe@example.com', full_name: 'John Doe', disabled: false, hashed_password: 'fakehashedsecret' };
const N = 1_000_000;

function main(): void {
  const rounds = Number(process.argv[2] ?? 7);
  const writers = [
    ['true (default)', 'generated', compileResponseWriter(UserOut, 'GET /users/me', {})],
    ['false', 'generated', compileResponseWriter(UserOut, 'GET /users/me', { validate: false })],
    ['true (default)', 'interpreter', compileResponseWriter(UserOut, 'GET /users/me', { interpret: true })],
    ['false', 'interpreter', compileResponseWriter(UserOut, 'GET /users/me', { validate: false, interpret: true })],
    ['–', 'fast-json-stringify (hand-written Fastify)', fastJson(userOutSchema)],
  ] as const;
  const samples = writers.map(() => [] as number[]);
  writers.forEach(([, , write]) => nsPerWrite(write, user, N));
  for (let round = 0; round < rounds; round++) writers.forEach(([, , write], i) => samples[i]!.push(nsPerWrite(write, user, N)));
  const lines = [
    '# What writing a response model costs',
    '',
    `The chain scenario's response model (4 fields, one extra property dropped), written ${N.toLocaleString('en')} times per round, ${rounds} rounds, the writers in turns.`,
    '',
    '| validateResponse | writer | ns per result (median) | rounds |',
    '|---|---|--:|---|',
    ...writers.map(([validate, writer], i) => `| ${validate} | ${writer} | ${median(samples[i]!).toFixed(0)} | ${samples[i]!.map((v) => v.toFixed(0)).join(', ')} |`),
    '',
  ];
  const file = join(BENCH_ROOT, 'results', `${new Date().toISOString().slice(0, 10)}-response-validation.md`);
  writeFileSync(file, lines.join('\n'));
  console.log(lines.join('\n'));
  console.log(`Written ${file}`);
}

main();
