/**
 * The shape of a result a route's JSON writer can learn: an object of known
 * keys in a known order whose values are scalars or shapes again, or an
 * array whose items are scalars or all of one shape. `undefined` where a
 * value is a scalar (a string, number, boolean or null, or `undefined`
 * in an object, which JSON leaves out).
 */
export type Shape = ObjectShape | ArrayShape;

export interface ObjectShape {
  readonly kind: 'object';
  /** The prototype the object had; an object literal's and none are taken as one. */
  readonly proto: object | null;
  readonly keys: readonly string[];
  /** Per key, the shape of its value, `undefined` for a scalar. */
  readonly values: readonly (Shape | undefined)[];
}

export interface ArrayShape {
  readonly kind: 'array';
  /** The items' shape, `undefined` for scalars. */
  readonly item: Shape | undefined;
}

/** An object with more keys is left to `JSON.stringify`. */
const MAX_KEYS = 32;
/** How deep a shape goes. */
const MAX_DEPTH = 4;
/** How many keys a whole shape may hold, nested ones included. */
const MAX_KEYS_IN_ALL = 128;

/** A value `JSON.stringify` writes as a literal: a string, number, boolean, null. */
export const isScalar = (value: unknown): boolean =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** Prototypes whose objects `JSON.stringify` writes as the primitive inside (`new String('ab')` as `"ab"`). */
const BOXES: readonly object[] = [String.prototype, Number.prototype, Boolean.prototype, BigInt.prototype, Symbol.prototype];
const BRAND_CHECKS: readonly ((value: object) => unknown)[] = [String, Number, Boolean, BigInt, Symbol].map((box) => {
  const valueOf = box.prototype.valueOf as (this: unknown) => unknown;
  return (value: object) => valueOf.call(value);
});

/** A boxed primitive, by its prototype chain or by what its `valueOf` accepts (one from another realm). */
function isBoxed(value: object): boolean {
  if (BOXES.some((box) => Object.prototype.isPrototypeOf.call(box, value))) return true;
  return BRAND_CHECKS.some((check) => {
    try {
      check(value);
      return true;
    } catch {
      return false;
    }
  });
}

interface Budget {
  keys: number;
}

/**
 * What a value is worth a writer for, or `undefined`: an object (an object
 * literal, a null-prototype object or a class instance) of 1 to MAX_KEYS own
 * data properties, or an array; each value a scalar, `undefined` in an
 * object, or such an object or array again, MAX_DEPTH deep at most. An own
 * `toJSON`, a boxed primitive, an accessor, a function, a symbol, a bigint
 * or a date (a `toJSON` on its prototype) teaches nothing; a `toJSON`
 * anywhere else is seen by the writer, which hands such a value back.
 */
export function learnShape(value: unknown): Shape | undefined {
  return shapeOf(value, 0, { keys: MAX_KEYS_IN_ALL });
}

function shapeOf(value: unknown, depth: number, budget: Budget): Shape | undefined {
  if (typeof value !== 'object' || value === null || depth === MAX_DEPTH) return undefined;
  if ((value as { toJSON?: unknown }).toJSON !== undefined) return undefined;
  if (Array.isArray(value)) return arrayShape(value, depth, budget);
  if (isBoxed(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 0 || keys.length > MAX_KEYS || (budget.keys -= keys.length) < 0) return undefined;
  const values: (Shape | undefined)[] = [];
  for (const key of keys) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    if (!('value' in descriptor)) return undefined;
    const item = descriptor.value as unknown;
    if (isScalar(item) || item === undefined) values.push(undefined);
    else {
      const shape = shapeOf(item, depth + 1, budget);
      if (shape === undefined) return undefined;
      values.push(shape);
    }
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  return { kind: 'object', proto, keys, values };
}

/** An array's items: all scalars, or shaped like the first one that is not. */
function arrayShape(items: readonly unknown[], depth: number, budget: Budget): ArrayShape | undefined {
  if (Object.getPrototypeOf(items) !== Array.prototype) return undefined;
  const first = items.find((item) => !isScalar(item));
  if (first === undefined) return items.every(isScalar) ? { kind: 'array', item: undefined } : undefined;
  const item = shapeOf(first, depth + 1, budget);
  return item === undefined ? undefined : { kind: 'array', item };
}
