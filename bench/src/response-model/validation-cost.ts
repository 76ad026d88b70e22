import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { IsBoolean, IsEmail, IsOptional, IsString } from 'class-validator';
import { BENCH_ROOT } from '../harness/server-process';

/**
 * What checking a result against its response model costs: the chain
 * scenario's model written a million times with validation on and off
 * (`validateResponse: false`), in turns, median of the rounds.
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
  compileResponseWriter: (model: unknown, where: string, options: { validate?: boolean }) => (value: unknown) => string;
};

const user = { username: 'johndoe', email: 'johndoe@example.com', full_name: 'John Doe', disabled: false, hashed_password: 'fakehashedsecret' };
const N = 1_000_000;

function nsPerWrite(write: (value: unknown) => string): number {
  let length = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) length += write(user).length;
  const ns = Number(process.hrtime.bigint() - start) / N;
  if (length === 0) throw new Error('nothing written');
  return ns;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function main(): void {
  const rounds = Number(process.argv[2] ?? 7);
  const checked = compileResponseWriter(UserOut, 'GET /users/me', {});
  const unchecked = compileResponseWriter(UserOut, 'GET /users/me', { validate: false });
  const on: number[] = [];
  const off: number[] = [];
  nsPerWrite(checked);
  nsPerWrite(unchecked);
  for (let round = 0; round < rounds; round++) {
    on.push(nsPerWrite(checked));
    off.push(nsPerWrite(unchecked));
  }
  const lines = [
    '# What response validation costs',
    '',
    `The chain scenario's response model (4 fields, one extra property dropped), written ${N.toLocaleString('en')} times per round, ${rounds} rounds, validation on and off in turns.`,
    '',
    '| validateResponse | ns per result (median) | rounds |',
    '|---|--:|---|',
    `| true (default) | ${median(on).toFixed(0)} | ${on.map((v) => v.toFixed(0)).join(', ')} |`,
    `| false | ${median(off).toFixed(0)} | ${off.map((v) => v.toFixed(0)).join(', ')} |`,
    '',
  ];
  const file = join(BENCH_ROOT, 'results', `${new Date().toISOString().slice(0, 10)}-response-validation.md`);
  writeFileSync(file, lines.join('\n'));
  console.log(lines.join('\n'));
  console.log(`Written ${file}`);
}

main();
