import 'reflect-metadata';
import { dirname, join } from 'node:path';
import { Item } from '../scenarios/body/item-dto';
import { invalidItems, validItem } from '../scenarios/body/requests';
import { median } from '../harness/stats';

/**
 * What validating and constructing a body DTO costs inside Deft: the body
 * scenario's 10-field item (a nested object and a list), valid and with one
 * mistake, through Deft's generated validator, the interpreter of the DTO's
 * plan and class-validator's own executor, in turns, median of the rounds.
 * `node bench/dist/dto-validation/validation-cost.js [rounds]`.
 */

// The validator is internal to @deft/core (not exported): loaded from its build, for this measurement only.
const dtoDir = join(dirname(require.resolve('@deft/core')), 'dto');
type Validate = (dto: unknown, value: unknown, loc: (string | number)[], errors: unknown[]) => unknown;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module of the built package
const validator = require(join(dtoDir, 'dto-validator.js')) as { validateDto: Validate; validateDtoWithInterpreter: Validate; validateDtoWithClassValidator: Validate };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module of the built package
const { describeDto } = require(join(dtoDir, 'dto-descriptor.js')) as { describeDto: (cls: unknown) => unknown };

const N = 200_000;

function nsPerValidation(validate: Validate, body: unknown): number {
  const dto = describeDto(Item);
  // A fresh object each time, as a parsed request body is.
  const text = JSON.stringify(body);
  const bodies = Array.from({ length: 64 }, () => JSON.parse(text) as unknown);
  let errors = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const found: unknown[] = [];
    validate(dto, bodies[i & 63], ['body'], found);
    errors += found.length;
  }
  const ns = Number(process.hrtime.bigint() - start) / N;
  if (errors < 0) throw new Error('unreachable');
  return ns;
}


function main(): void {
  const rounds = Number(process.argv[2] ?? 7);
  const cases = [
    ['valid item', 'generated', validator.validateDto, validItem],
    ['valid item', 'interpreter', validator.validateDtoWithInterpreter, validItem],
    ['valid item', 'class-validator', validator.validateDtoWithClassValidator, validItem],
    ['negative price', 'generated', validator.validateDto, invalidItems.negativePrice],
    ['negative price', 'interpreter', validator.validateDtoWithInterpreter, invalidItems.negativePrice],
    ['negative price', 'class-validator', validator.validateDtoWithClassValidator, invalidItems.negativePrice],
  ] as const;
  const samples = cases.map(() => [] as number[]);
  cases.forEach(([, , validate, body]) => nsPerValidation(validate, body));
  for (let round = 0; round < rounds; round++) cases.forEach(([, , validate, body], i) => samples[i]!.push(nsPerValidation(validate, body)));
  const lines = [
    `Body scenario's Item, ${N.toLocaleString('en')} validations per round, ${rounds} rounds in turns.`,
    '',
    '| input | path | ns per validation (median) | rounds |',
    '|---|---|--:|---|',
    ...cases.map(([input, path], i) => `| ${input} | ${path} | ${median(samples[i]!).toFixed(0)} | ${samples[i]!.map((v) => v.toFixed(0)).join(', ')} |`),
  ];
  console.log(lines.join('\n'));
}

main();
