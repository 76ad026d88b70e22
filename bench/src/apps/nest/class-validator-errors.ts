import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { pydantic, type ErrorItem, type Loc } from '../pydantic-errors';

type Rule = (loc: Loc, input: unknown, args: readonly unknown[]) => ErrorItem;

const patternOf = (arg: unknown): string => (arg instanceof RegExp ? arg.source : String(arg));

/** class-validator constraints as FastAPI's errors, type checks first (Pydantic reports a wrong type alone). */
const RULES: ReadonlyArray<readonly [string, Rule]> = [
  ['isInt', (loc, input) => pydantic.wrongType(loc, input, 'integer')],
  ['isNumber', (loc, input) => pydantic.wrongType(loc, input, 'number')],
  ['isString', (loc, input) => pydantic.wrongType(loc, input, 'string')],
  ['isBoolean', (loc, input) => pydantic.wrongType(loc, input, 'boolean')],
  ['isArray', (loc, input) => pydantic.wrongType(loc, input, 'array')],
  ['isEnum', (loc, input, [entity]) => pydantic.enum(loc, input, Object.values(entity as object))],
  ['isIn', (loc, input, [values]) => pydantic.enum(loc, input, values as unknown[])],
  ['min', (loc, input, [ge]) => pydantic.ge(loc, input, Number(ge))],
  ['max', (loc, input, [le]) => pydantic.le(loc, input, Number(le))],
  ['minLength', (loc, input, [min]) => pydantic.minLength(loc, input, Number(min))],
  ['maxLength', (loc, input, [max]) => pydantic.maxLength(loc, input, Number(max))],
  ['matches', (loc, input, [pattern]) => pydantic.pattern(loc, input, patternOf(pattern))],
];

/** The arguments of a constraint (`@Min(1)` → `[1]`), read from class-validator's metadata. */
function constraintArgs(target: object | undefined, property: string, name: string): readonly unknown[] {
  if (!target) return [];
  const storage = getMetadataStorage();
  const nameOf = (m: ValidationMetadata) => m.name ?? storage.getTargetValidatorConstraints(m.constraintCls)[0]?.name;
  const metadata = storage.getTargetValidationMetadatas(target.constructor, '', true, false);
  return metadata.find((m) => m.propertyName === property && nameOf(m) === name)?.constraints ?? [];
}

function field(raw: unknown, key: string): unknown {
  return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
}

/**
 * class-validator's errors as FastAPI's 422 items. `raw` is what the client
 * sent (before class-transformer converted it): errors show it as `input`.
 */
export function toPydanticErrors(errors: readonly ValidationError[], loc: Loc, raw: unknown, inBody: boolean): ErrorItem[] {
  const items: ErrorItem[] = [];
  for (const error of errors) {
    const fieldLoc = [...loc, error.property];
    const input = field(raw, error.property);
    if (error.children?.length) items.push(...toPydanticErrors(error.children, fieldLoc, input, inBody));
    const failed = error.constraints ?? {};
    if (Object.keys(failed).length === 0) continue;
    if (input === undefined) {
      items.push(pydantic.missing(fieldLoc, inBody ? raw : null));
      continue;
    }
    const rule = RULES.find(([name]) => name in failed);
    items.push(
      rule
        ? rule[1](fieldLoc, input, constraintArgs(error.target, error.property, rule[0]))
        : { type: 'value_error', loc: fieldLoc, msg: Object.values(failed)[0] ?? 'Invalid value', input },
    );
  }
  return items;
}
