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

  it('fails where JSON.stringify fails: a cycle through a learned key', () => {
    const write = learnedJsonWriter();
    expect(write({ a: 1 })).toBe('{"a":1}');
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.a = cycle;
    expect(() => write(cycle)).toThrow(TypeError);
  });

  it('writes what it learns no shape from as jsonText does: accessors, toJSON, class instances, nested values, empty objects, arrays', () => {
    const withGetter = { get a() { return 1; } };
    for (const value of [withGetter, { toJSON: () => 'x' }, new Point(1, 2), { a: { b: 1 } }, {}, [1]]) {
      const write = learnedJsonWriter();
      expect(write(value)).toBe(written(value));
      expect(write(value)).toBe(written(value));
    }
  });
});
