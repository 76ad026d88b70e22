import fc from 'fast-check';
import { jsonText } from '../../src/http/json-text';
import { learnedJsonWriter } from '../../src/response/learned-writer';

/**
 * A route without a response model learns the keys of the first flat object
 * it answers and writes that shape with generated code. Whatever comes next
 * must be written exactly as `jsonText` writes it: random flat objects teach
 * a writer, then random values (the same keys with other values, the keys
 * reordered, one more or one fewer, nested values, bigints, null-prototype
 * objects, class instances, arrays, scalars) meet it.
 */

const hostileKeys = ['__proto__', 'constructor', 'toString', '"]; globalThis.deftLearnedInjected = 1; //', 'back\\slash', 'line\u2028separator', '0', '10', '', 'é'];
const key = fc.oneof(fc.constantFrom(...hostileKeys), fc.string({ maxLength: 6 }));

const scalar = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', 'a"b', 'a\\b', '\u0000', '\u001f', '\ud800', '\udc00x', '\u{1f600}', 'x'.repeat(5001), '\u2028'),
  fc.double(),
  // Fractions of a few binary digits, which the writers write without String.
  fc.integer({ min: -(2 ** 36), max: 2 ** 36 }).map((n) => n / 16),
  fc.constantFrom(0, -0, Number.NaN, Infinity, -Infinity, 1e21, 5e-324, 2 ** 53 + 2),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

class Point {
  constructor(
    readonly x: number,
    readonly y: number,
  ) {}
}

const other = fc.oneof(
  fc.constant(undefined),
  fc.bigInt(),
  fc.constant(new Date(0)),
  fc.array(scalar, { maxLength: 3 }),
  fc.dictionary(key, scalar, { maxKeys: 2 }),
  fc.constant(() => 1),
  fc.constant(Symbol('s')),
  fc.constant(new Point(1, 2)),
  fc.constant({ toJSON: () => 'own toJSON' }),
);

/** An own data property for every key, as `JSON.parse` makes it (`__proto__` too). */
function objectOf(entries: readonly (readonly [string, unknown])[], nullPrototype: boolean): Record<string, unknown> {
  const object = (nullPrototype ? Object.create(null) : {}) as Record<string, unknown>;
  for (const [name, value] of entries) Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

const flatEntries = fc.uniqueArray(fc.tuple(key, scalar), { minLength: 1, maxLength: 6, selector: ([name]) => name });

/** A value made from the taught keys: other values, some keys moved, added or dropped, or another kind of value altogether. */
const nextValue = (taught: readonly (readonly [string, unknown])[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.tuple(fc.array(fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 1, arbitrary: other }), { minLength: taught.length, maxLength: taught.length }), fc.boolean()).map(([values, nullPrototype]) =>
      objectOf(
        taught.map(([name], i) => [name, values[i]] as const),
        nullPrototype,
      ),
    ),
    fc.shuffledSubarray([...taught], { minLength: 0 }).map((entries) => objectOf(entries, false)),
    fc.tuple(key, scalar).map((extra) => objectOf([...taught, extra], false)),
    flatEntries.map((entries) => objectOf(entries, false)),
    other,
    scalar,
  );

const written = (value: unknown): string => jsonText(value ?? null) ?? 'null';

/** The text, or the error's kind where JSON cannot write the value (a boxed bigint). */
function outcome(writing: () => string): string {
  try {
    return writing();
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
}

/** The classes a nested value's objects may be instances of: plain ones, one with a `toJSON`, one whose prototype has an enumerable property. */
class Row {}
class Other {}
class Dated {
  toJSON() {
    return 'dated';
  }
}
class Inheriting {}
(Inheriting.prototype as unknown as Record<string, unknown>).inherited = 1;
const prototypes = { literal: Object.prototype, none: null, row: Row.prototype, other: Other.prototype, dated: Dated.prototype, inheriting: Inheriting.prototype };
type ProtoName = keyof typeof prototypes;

/** What a random nested value is made from: the values of one template share its keys, order, prototypes and nesting. */
type Template = { kind: 'scalar' } | { kind: 'object'; proto: ProtoName; keys: string[]; values: Template[] } | { kind: 'array'; item: Template; length: number };

type Gen = Parameters<Parameters<typeof fc.property<[fc.GeneratorValue]>>[1]>[0];

function template(g: Gen, depth: number): Template {
  const kind = depth >= 4 ? 'scalar' : g(fc.constantFrom, 'scalar', 'scalar', 'object', 'array');
  if (kind === 'scalar') return { kind };
  if (kind === 'array') return { kind, item: template(g, depth + 1), length: g(fc.integer, { min: 0, max: 3 }) };
  const keys = g(() => fc.uniqueArray(key, { minLength: 1, maxLength: 5 }));
  return { kind, proto: g(fc.constantFrom, 'literal', 'literal', 'none', 'row'), keys, values: keys.map(() => template(g, depth + 1)) };
}

function objectWith(proto: ProtoName, entries: readonly (readonly [string, unknown])[]): object {
  const object = Object.create(prototypes[proto]) as object;
  for (const [name, value] of entries) Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

/** A value of the template, or one that strays from it somewhere (at `stray` odds per node). */
function valueOf(g: Gen, t: Template, stray: number): unknown {
  if (g(fc.double, { min: 0, max: 1, noNaN: true }) < stray) {
    const way = g(fc.constantFrom, 'other', 'scalar', 'undefined', 'template', 'boxed', 'proto', 'keys', 'order', 'ownToJSON');
    if (way === 'other') return g(() => other);
    if (way === 'scalar') return g(() => scalar);
    if (way === 'undefined') return undefined;
    if (way === 'template') return valueOf(g, template(g, 2), 0);
    if (way === 'boxed') return g(fc.constantFrom, new String('ab'), new Number(1), new Boolean(false), Object(1n), Object(Symbol('s')));
    if (t.kind === 'object') {
      const entries = t.keys.map((name, i) => [name, valueOf(g, t.values[i]!, stray)] as const);
      if (way === 'proto') return objectWith(g(fc.constantFrom, ...(Object.keys(prototypes) as ProtoName[])), entries);
      if (way === 'keys') return objectWith(t.proto, g(fc.boolean) ? entries.slice(1) : [...entries, [g(() => key), g(() => scalar)] as const]);
      if (way === 'order') return objectWith(t.proto, [...entries].reverse());
      return Object.assign(objectWith(t.proto, entries), { toJSON: () => 'own' });
    }
    if (t.kind === 'array' && way === 'ownToJSON') return Object.assign([valueOf(g, t.item, 0)], { toJSON: () => 'own' });
  }
  if (t.kind === 'scalar') return g(() => scalar);
  if (t.kind === 'array') {
    const length = g(fc.boolean) ? t.length : g(fc.integer, { min: 0, max: 3 });
    return Array.from({ length }, () => valueOf(g, t.item, stray));
  }
  return objectWith(
    t.proto,
    t.keys.map((name, i) => [name, valueOf(g, t.values[i]!, stray)] as const),
  );
}

describe('the learned JSON writer', () => {
  it('writes every value as jsonText does, whatever shape it learned first', () => {
    fc.assert(
      fc.property(
        fc.tuple(flatEntries, fc.boolean()).chain(([entries, nullPrototype]) =>
          fc.tuple(fc.constant(objectOf(entries, nullPrototype)), fc.array(nextValue(entries), { minLength: 1, maxLength: 12 })),
        ),
        ([first, rest]) => {
          const write = learnedJsonWriter();
          expect(write(first)).toBe(written(first));
          for (const value of rest) expect(write(value)).toBe(written(value));
        },
      ),
      { numRuns: 500 },
    );
    expect((globalThis as { deftLearnedInjected?: number }).deftLearnedInjected).toBeUndefined();
  });

  it('writes nested values as jsonText does: objects, class instances and arrays inside one another, learned from one of them', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const t = template(g, 0);
        const write = learnedJsonWriter();
        for (let i = 0; i < 10; i++) {
          const value = valueOf(g, t, i === 0 ? 0 : 0.08);
          expect(outcome(() => write(value))).toBe(outcome(() => written(value)));
        }
      }),
      { numRuns: 1500 },
    );
    expect((globalThis as { deftLearnedInjected?: number }).deftLearnedInjected).toBeUndefined();
  });

  it('sees what the prototype adds after it learned: an enumerable property (not written) and a toJSON (called)', () => {
    const write = learnedJsonWriter();
    expect(write({ a: 1, b: 'x' })).toBe('{"a":1,"b":"x"}');
    const proto = Object.prototype as Record<string, unknown>;
    try {
      proto.inherited = 1;
      expect(write({ a: 2, b: 'y' })).toBe('{"a":2,"b":"y"}');
    } finally {
      delete proto.inherited;
    }
    try {
      Object.defineProperty(proto, 'toJSON', { value: () => 'from the prototype', configurable: true });
      expect(write({ a: 3, b: 'z' })).toBe('"from the prototype"');
    } finally {
      delete proto.toJSON;
    }
    expect(write({ a: 4, b: 'w' })).toBe('{"a":4,"b":"w"}');
  });

  it('leaves out a learned key the next object lacks, even where its prototype answers for that key', () => {
    class Shadowed {
      get b(): number {
        return 2;
      }
    }
    const write = learnedJsonWriter();
    const learned = Object.defineProperties(new Shadowed(), { a: { value: 1, enumerable: true }, b: { value: 3, enumerable: true } });
    expect(write(learned)).toBe('{"a":1,"b":3}');
    const lacking = Object.defineProperty(new Shadowed(), 'a', { value: 1, enumerable: true });
    expect(write(lacking)).toBe('{"a":1}');
  });

  it('learns nothing from an object whose prototype is a boxed primitive\'s, so a real one of that class is written as its primitive', () => {
    class Text extends String {}
    const write = learnedJsonWriter();
    const lookalike = Object.defineProperties(Object.create(Text.prototype) as object, { 0: { value: 'a', enumerable: true }, 1: { value: 'b', enumerable: true } });
    expect(write(lookalike)).toBe('{"0":"a","1":"b"}');
    expect(write(new Text('ab'))).toBe('"ab"');
  });

  it('fails where JSON.stringify fails: a cycle through a learned key', () => {
    const write = learnedJsonWriter();
    expect(write({ a: 1 })).toBe('{"a":1}');
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.a = cycle;
    expect(() => write(cycle)).toThrow(TypeError);
  });

  it('writes what it learns no shape from as jsonText does: accessors, toJSON, boxed primitives, empty objects, arrays with holes', () => {
    const withGetter = { get a() { return 1; } };
    // eslint-disable-next-line no-sparse-arrays -- a hole is what this case is about
    const holed = [1, , 2];
    for (const value of [withGetter, { toJSON: () => 'x' }, new String('ab'), {}, holed, [1, undefined]]) {
      const write = learnedJsonWriter();
      expect(write(value)).toBe(written(value));
      expect(write(value)).toBe(written(value));
    }
  });
});
