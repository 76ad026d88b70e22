/**
 * FastAPI's 422 vocabulary (Pydantic v2's error types, messages and `ctx`),
 * for the hand-written Fastify and NestJS apps, which must answer invalid
 * input with the same bytes as Deft. Only what the scenarios need.
 */
export type Loc = (string | number)[];

export interface ErrorItem {
  type: string;
  loc: Loc;
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

const item = (type: string, loc: Loc, msg: string, input: unknown, ctx?: Record<string, unknown>): ErrorItem =>
  ctx === undefined ? { type, loc, msg, input } : { type, loc, msg, input, ctx };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function choices(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
  return shown.length <= 1 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}

export type JsonType = 'integer' | 'number' | 'string' | 'boolean' | 'array' | 'object';

const TYPE_ERRORS: Record<JsonType, { type: string; msg: string; parsing?: string }> = {
  integer: { type: 'int', msg: 'Input should be a valid integer', parsing: ', unable to parse string as an integer' },
  number: { type: 'float', msg: 'Input should be a valid number', parsing: ', unable to parse string as a number' },
  boolean: { type: 'bool', msg: 'Input should be a valid boolean', parsing: ', unable to interpret input' },
  string: { type: 'string', msg: 'Input should be a valid string' },
  array: { type: 'list', msg: 'Input should be a valid list' },
  object: { type: 'model_attributes', msg: 'Input should be a valid dictionary or object to extract fields from' },
};

export const pydantic = {
  missing: (loc: Loc, input: unknown) => item('missing', loc, 'Field required', input),
  wrongType(loc: Loc, input: unknown, expected: JsonType): ErrorItem {
    const { type, msg, parsing } = TYPE_ERRORS[expected];
    return parsing && typeof input === 'string'
      ? item(`${type}_parsing`, loc, msg + parsing, input)
      : item(`${type}_type`, loc, msg, input);
  },
  ge: (loc: Loc, input: unknown, ge: number) =>
    item('greater_than_equal', loc, `Input should be greater than or equal to ${ge}`, input, { ge }),
  le: (loc: Loc, input: unknown, le: number) => item('less_than_equal', loc, `Input should be less than or equal to ${le}`, input, { le }),
  minLength: (loc: Loc, input: unknown, min: number) =>
    item('string_too_short', loc, `String should have at least ${plural(min, 'character')}`, input, { min_length: min }),
  maxLength: (loc: Loc, input: unknown, max: number) =>
    item('string_too_long', loc, `String should have at most ${plural(max, 'character')}`, input, { max_length: max }),
  pattern: (loc: Loc, input: unknown, pattern: string) =>
    item('string_pattern_mismatch', loc, `String should match pattern '${pattern}'`, input, { pattern }),
  enum(loc: Loc, input: unknown, values: readonly unknown[]): ErrorItem {
    const expected = choices(values);
    return item('enum', loc, `Input should be ${expected}`, input, { expected });
  },
};
