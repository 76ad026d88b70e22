import { missingItem, validationItem, type ValidationErrorItem } from '../errors/request-validation-error';
import { isIssue } from '../params/conversion-issue';
import { converterFor } from '../params/scalar-conversion';
import type { FieldShape } from './dto-descriptor';
import { pathKey, type Loc, type ValidationPass } from './validation-pass';

import { INVALID } from './invalid';


/**
 * The steps of the structural pass (presence, structure and Pydantic's lax
 * scalar conversion) that every backend takes alike. `loc` is a working
 * stack; an error item gets a copy, so the success path allocates no locations.
 */
export function fail(pass: ValidationPass, item: ValidationErrorItem): typeof INVALID {
  pass.errors.push(item);
  const touched = (pass.touched ??= new Set());
  for (let i = 1; i <= item.loc.length; i++) touched.add(pathKey(item.loc.slice(0, i)));
  return INVALID;
}

/**
 * Whether reading this property of a parsed body could find what every object
 * inherits (`constructor`, `toString`, `__proto__`) rather than what was sent.
 */
export const inheritedByObjects = (name: string): boolean => name in Object.prototype;

/** The value the client sent under `name`: own properties only, so a field named `constructor` is missing when not sent. */
export function sentField(value: Record<string, unknown>, name: string): unknown {
  return inheritedByObjects(name) && !Object.hasOwn(value, name) ? undefined : value[name];
}

/** A scalar converted as Pydantic's lax mode would; what was sent is remembered where it changed. */
export function convertScalar(shape: FieldShape & { kind: 'scalar' }, value: unknown, loc: Loc, pass: ValidationPass): unknown {
  const converted = converterFor(shape)(value);
  if (isIssue(converted)) return shape.choices ? value : fail(pass, validationItem(converted.type, [...loc], converted.msg, value, converted.ctx));
  if (converted !== value) (pass.sent ??= new Map()).set(pathKey(loc), value);
  return converted;
}

export function notAList(value: unknown, loc: Loc, pass: ValidationPass): typeof INVALID {
  return fail(pass, validationItem('list_type', [...loc], 'Input should be a valid list', value));
}

export function notAnObject(value: unknown, loc: Loc, pass: ValidationPass): typeof INVALID {
  return fail(pass, validationItem('model_attributes_type', [...loc], 'Input should be a valid dictionary or object to extract fields from', value));
}

/** A required field the object lacks (Pydantic's `input` is the enclosing object). */
export function missingField(name: string, object: unknown, loc: Loc, pass: ValidationPass): void {
  fail(pass, missingItem([...loc, name], object));
}
