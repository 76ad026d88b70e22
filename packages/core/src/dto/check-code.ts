import type { Check, FieldChecks } from './field-checks';
import { enumValueSet, statelessPattern } from './fast-constraints';

/** Puts a value in the generated function's constants and names it there (`K[3]`): no value is ever written into code. */
export type Constant = (value: unknown) => string;

interface NumberOptions {
  allowNaN?: unknown;
  allowInfinity?: unknown;
  maxDecimalPlaces?: unknown;
}

const FIXED: Readonly<Record<string, string>> = {
  isString: '(typeof v === "string" || v instanceof String)',
  isBoolean: '(typeof v === "boolean" || v instanceof Boolean)',
  isInt: '(typeof v === "number" && Number.isInteger(v))',
  isArray: 'Array.isArray(v)',
  isDefined: '(v !== undefined && v !== null)',
  isNotEmpty: '(v !== "" && v !== null && v !== undefined)',
  isPositive: '(typeof v === "number" && v > 0)',
  isNegative: '(typeof v === "number" && v < 0)',
};

function lengthCode(min: unknown, max: unknown, constant: Constant): string {
  const low = (typeof min === 'number' ? min : 0) || 0;
  const upper = typeof max === 'undefined' ? '' : ` && h.chars(v) <= ${constant(max)}`;
  return `(typeof v === "string" && h.chars(v) >= ${constant(low)}${upper})`;
}

function plainNumber(options: unknown): boolean {
  if (options === undefined) return true;
  if (typeof options !== 'object' || options === null) return false;
  const { allowNaN, allowInfinity, maxDecimalPlaces } = options as NumberOptions;
  return !allowNaN && !allowInfinity && maxDecimalPlaces === undefined;
}

/**
 * A built-in constraint's test as a JavaScript expression over `v`, the same
 * test `fastConstraint` makes as a function; `undefined` for the others
 * (they keep their function).
 */
function checkCode(check: Check, constant: Constant): string | undefined {
  if (check.meta.each || check.when || !check.fast) return undefined;
  const [first, second] = check.meta.constraints ?? [];
  const fixed = FIXED[check.name];
  if (fixed) return fixed;
  switch (check.name) {
    case 'isNumber':
      return plainNumber(first) ? '(typeof v === "number" && Number.isFinite(v))' : undefined;
    case 'min':
      return typeof first === 'number' ? `(typeof v === "number" && v >= ${constant(first)})` : 'false';
    case 'max':
      return typeof first === 'number' ? `(typeof v === "number" && v <= ${constant(first)})` : 'false';
    case 'minLength':
      return lengthCode(first, undefined, constant);
    case 'maxLength':
      return lengthCode(0, first, constant);
    case 'isLength':
      return lengthCode(first, second, constant);
    case 'isEnum':
      return `${constant(enumValueSet(first))}.has(v)`;
    case 'matches': {
      const pattern = statelessPattern(first, second);
      return pattern && `(typeof v === "string" && ${constant(pattern)}.test(v))`;
    }
    default:
      return undefined;
  }
}

/**
 * An expression true exactly when every check of the field passes (the
 * field's `allPass`), inlined where each check has a written form;
 * `undefined` when the field has no such test (then its checks always run).
 */
export function allPassCode(field: FieldChecks, constant: Constant): string | undefined {
  if (!field.allPass) return undefined;
  const parts: string[] = [];
  for (const check of field.checks) {
    const code = checkCode(check, constant);
    if (code === undefined) return `${constant(field.allPass)}(v)`;
    parts.push(code);
  }
  return parts.join(' && ');
}
