import { isScalar, learnShape, type ArrayShape, type ObjectShape, type Shape } from './learned-shape';
import { numberText } from './number-text';
import { asJson, NEEDS_ESCAPE, WRITTEN_AS_IS } from './write-pass';

/** Writes one value as JSON text. */
export type JsonWriter = (value: unknown) => string;

/** A writer for one shape: the JSON text, or `undefined` when the value does not have that shape. */
type ShapeWriter = (value: object) => string | undefined;

/** How many of a route's first values may be looked at for a shape to learn. */
const LEARN_TRIES = 8;
/** After this many values the learned writer handed back, the route stops using it. */
const MAX_MISSES = 64;

/**
 * One statement per key. The text holds nothing but key numbers: the keys
 * are read through `K[i]` and written after the constant `F[i]` (`"key":`,
 * for the first key written) or `P[i]` (`,"key":`), so no key an app or a
 * client chose is ever part of the code. `undefined` leaves the key out,
 * as JSON does; a nested value goes to its shape's writer, the constant `Si`.
 */
function keySource(i: number, nested: boolean): string {
  const prefix = i === 0 ? 'F[0]' : `(out.length === 1 ? F[${i}] : P[${i}])`;
  return `v = value[K[${i}]];
  if (typeof v === "string") out += ${prefix} + (${WRITTEN_AS_IS} ? '"' + v + '"' : J(v));
  else if (typeof v === "number") out += ${prefix} + (Number.isFinite(v) ? NT(v) : "null");
  else if (typeof v === "boolean") out += ${prefix} + (v ? "true" : "false");
  else if (v === null) out += ${prefix} + "null";${
    nested
      ? `
  else if (typeof v === "object") {
    t = S${i}(v);
    if (t === undefined) return undefined;
    out += ${prefix} + t;
  }`
      : ''
  }
  else if (v !== undefined) return undefined;`;
}

/**
 * Generates the writer of objects with exactly these own enumerable keys in
 * this order (checked with `for…in`, which also sees enumerable inherited
 * ones), the prototype it learned (an object literal's and none being
 * alike), no `toJSON` anywhere, and values of the shapes it learned. Its
 * text is `JSON.stringify`'s for such an object: a number as `String(n)` (`numberText`)
 * (non-finite ones as `null`), a string as is unless it holds a character
 * JSON escapes (a quote, a backslash, a control character, any surrogate),
 * which `JSON.stringify` writes, a key whose value is `undefined` left out.
 */
function generateObjectWriter(shape: ObjectShape): ShapeWriter {
  const { keys } = shape;
  const first = keys.map((key) => `${JSON.stringify(key)}:`);
  const prefixes = first.map((text) => `,${text}`);
  const nested = shape.values.map((value) => (value === undefined ? undefined : writerOf(value)));
  const literal = shape.proto === Object.prototype || shape.proto === null;
  const source = `"use strict";
return function writeObject(value) {
  const proto = G(value);
  if ((proto !== PR && proto !== PR2) || value.toJSON !== undefined) return undefined;
  let i = 0;
  for (const key in value) if (key !== K[i++]) return undefined;
  if (i !== ${keys.length}) return undefined;
  let out = "{", v, t;
  ${keys.map((_, i) => keySource(i, nested[i] !== undefined)).join('\n  ')}
  return out + "}";
};`;
  // Generated from key numbers only (see keySource), once per shape.
  const writers = nested.flatMap((writer, i) => (writer === undefined ? [] : [[`S${i}`, writer] as const]));
  const make = new Function('K', 'F', 'P', 'E', 'J', 'NT', 'G', 'PR', 'PR2', ...writers.map(([name]) => name), source) as (...constants: unknown[]) => ShapeWriter;
  const [proto, alike] = literal ? [Object.prototype, null] : [shape.proto, shape.proto];
  return make([...keys], first, prefixes, NEEDS_ESCAPE, JSON.stringify, numberText, Object.getPrototypeOf, proto, alike, ...writers.map(([, writer]) => writer));
}

/**
 * Generates the writer of arrays (an array literal's prototype, no
 * `toJSON`) whose items are scalars or objects of the item shape. An item
 * JSON writes as `null` (`undefined`, a function, a hole) hands the array
 * back. The text holds no value: the item writer is the constant `I`.
 */
function generateArrayWriter(shape: ArrayShape): ShapeWriter {
  const item = shape.item === undefined ? undefined : writerOf(shape.item);
  const source = `"use strict";
return function writeArray(value) {
  if (!IA(value) || G(value) !== AP || value.toJSON !== undefined) return undefined;
  const n = value.length;
  if (n === 0) return "[]";
  let out = "[", v, t;
  for (let i = 0; i < n; i++) {
    v = value[i];${
      item === undefined
        ? ''
        : `
    if (typeof v === "object" && v !== null) {
      t = I(v);
      if (t === undefined) return undefined;
    } else`
    }
    if (typeof v === "string") t = ${WRITTEN_AS_IS} ? '"' + v + '"' : J(v);
    else if (typeof v === "number") t = Number.isFinite(v) ? NT(v) : "null";
    else if (typeof v === "boolean") t = v ? "true" : "false";
    else if (v === null) t = "null";
    else return undefined;
    out += i === 0 ? t : "," + t;
  }
  return out + "]";
};`;
  // Generated from no value at all, once per shape.
  const make = new Function('I', 'E', 'J', 'NT', 'G', 'IA', 'AP', source) as (...constants: unknown[]) => ShapeWriter;
  return make(item, NEEDS_ESCAPE, JSON.stringify, numberText, Object.getPrototypeOf, Array.isArray, Array.prototype);
}

const writerOf = (shape: Shape): ShapeWriter => (shape.kind === 'object' ? generateObjectWriter(shape) : generateArrayWriter(shape));

/**
 * A route's JSON writer for results without a response model: what
 * `asJson` writes (`jsonText`, `null` for nothing), byte for byte. A route
 * that answers values of one shape (`{ token }`, a DTO instance, a list of
 * rows) learns that shape from one of its first results and writes it with
 * code generated for those keys, about twice as fast as `JSON.stringify`
 * on Node 20; any other value, and one that turns out not to fit (other
 * keys, another kind of nested value, a bigint), is written by `asJson`
 * (which reads its properties again: a getter defined on such an object
 * runs twice). A route whose results keep not fitting stops trying; one
 * that never answers an object or array never generates anything.
 */
export function learnedJsonWriter(): JsonWriter {
  let learned: ShapeWriter | undefined;
  let tries = LEARN_TRIES;
  let misses = 0;
  return (value) => {
    if (learned !== undefined) {
      if (typeof value === 'object' && value !== null) {
        const text = learned(value);
        if (text !== undefined) return text;
      }
      if (++misses === MAX_MISSES) learned = undefined;
    } else if (tries > 0 && !isScalar(value)) {
      tries--;
      const shape = learnShape(value);
      if (shape !== undefined) {
        tries = 0;
        learned = writerOf(shape);
        return learned(value as object) ?? asJson(value);
      }
    }
    return asJson(value);
  };
}
