import type { RequestParamSpec } from '../metadata/records';
import { compilePattern, enumValues } from './constraints';
import { ConversionIssue } from './conversion-issue';
import type { ParamOptions } from './param-options';
import type { ParamShape } from './param-shape';
import { converterFor, type ScalarConverter } from './scalar-conversion';

/** One constraint as generated code tests it: `v` passes when the test is true. */
type InlineTest =
  | { readonly kind: 'gt' | 'ge' | 'lt' | 'le'; readonly operand: number }
  | { readonly kind: 'minLength' | 'maxLength'; readonly operand: number }
  | { readonly kind: 'pattern'; readonly operand: RegExp }
  | { readonly kind: 'enum'; readonly operand: ReadonlySet<unknown> };

/**
 * What a route's generated code needs to read a path, query or header
 * parameter by itself when the value is good: where it is, how it is
 * converted and what it must pass. Anything else (a value that fails, a
 * repeated query key, a missing required value) is read again by the
 * parameter's own reader, which reports it: the generated code only ever
 * takes a value the reader would take, and takes it as the reader would.
 */
export interface InlineRead {
  readonly source: 'path' | 'query' | 'header';
  /** The key in `params`, `query` or `headers` (a header's in lower case). */
  readonly key: string;
  /** `undefined` for a string, which is taken as it is. */
  readonly convert: ScalarConverter | undefined;
  readonly tests: readonly InlineTest[];
  /** What an absent value reads as (a default that is not an object), or `undefined` when the reader must say (required, or a default it copies). */
  readonly absent: { readonly value: unknown } | undefined;
}

/** The constraints generated code tests for each kind; another constraint, or one on another kind, leaves the parameter to its reader. */
const TESTED: Readonly<Partial<Record<string, readonly (keyof ParamOptions)[]>>> = {
  string: ['minLength', 'maxLength', 'pattern', 'enum'],
  int: ['gt', 'ge', 'lt', 'le', 'enum'],
  float: ['gt', 'ge', 'lt', 'le', 'enum'],
  boolean: [],
  uuid: [],
};
const CONSTRAINTS: readonly (keyof ParamOptions)[] = ['gt', 'ge', 'lt', 'le', 'multipleOf', 'maxDigits', 'decimalPlaces', 'minLength', 'maxLength', 'pattern', 'enum'];

/** How generated code reads this parameter, or `undefined` when only its reader can. */
export function inlineReadOf(spec: RequestParamSpec, shape: ParamShape, required: boolean, pathKey: string | undefined, where: string): InlineRead | undefined {
  const { source, options } = spec;
  if (shape.kind !== 'scalar' || (source !== 'path' && source !== 'query' && source !== 'header') || spec.name === undefined) return undefined;
  const tested = TESTED[shape.scalar];
  if (tested === undefined) return undefined;
  const present = CONSTRAINTS.filter((name) => options[name] !== undefined);
  if (present.some((name) => !tested.includes(name))) return undefined;
  const tests = present.map((kind): InlineTest => {
    if (kind === 'pattern') return { kind, operand: compilePattern(options.pattern!, where) };
    if (kind === 'enum') return { kind, operand: new Set<unknown>(enumValues(options.enum!)) };
    return { kind: kind as 'gt', operand: options[kind] as number };
  });
  const fallback = options.default;
  const absent = required || (typeof fallback === 'object' && fallback !== null) ? undefined : { value: fallback };
  const key = source === 'path' ? (pathKey ?? spec.name) : source === 'header' ? spec.name.toLowerCase() : spec.name;
  return { source, key, convert: shape.scalar === 'string' ? undefined : converterFor(shape), tests, absent };
}

const COMPARISONS = { gt: '>', ge: '>=', lt: '<', le: '<=' } as const;

/** The test on the value `v`, with its operand a constant reference. */
function testSource(test: InlineTest, v: string, operand: string): string {
  switch (test.kind) {
    case 'minLength':
      return `${v}.length >= ${operand}`;
    case 'maxLength':
      return `${v}.length <= ${operand}`;
    case 'pattern':
      return `${operand}.test(${v})`;
    case 'enum':
      return `${operand}.has(${v})`;
    default:
      return `${v} ${COMPARISONS[test.kind]} ${operand}`;
  }
}

const CONTAINER = { path: 'params', query: 'query', header: 'headers' } as const;

/**
 * Statements that set `value` to the parameter's value: taken here when the
 * request holds one string that converts and passes every test, the
 * default when it holds none and the default is a plain value, and
 * otherwise whatever `fallback` (the reader, which reports what is wrong)
 * answers. Every name, key and operand is a constant reference: the text
 * holds nothing the app or a client wrote.
 */
export function inlineReadSource(read: InlineRead, constant: (value: unknown) => string, fallback: string): string {
  const { convert, tests, absent } = read;
  const v = convert === undefined ? 'raw' : 'v';
  const conditions = ['typeof raw === "string"'];
  if (convert !== undefined) conditions.push(`!((v = ${constant(convert)}(raw)) instanceof ${constant(ConversionIssue)})`);
  for (const test of tests) conditions.push(testSource(test, v, constant(test.operand)));
  const lines = [`raw = frame.request.${CONTAINER[read.source]}[${constant(read.key)}];`, `if (${conditions.join(' && ')}) value = ${v};`];
  if (absent !== undefined) lines.push(`else if (raw === undefined) value = ${constant(absent.value)};`);
  lines.push(`else value = ${fallback};`);
  return lines.join('\n');
}
