import { plainToInstance } from 'class-transformer';
import { validate, validateSync, type ValidationError } from 'class-validator';
import { missingItem, validationItem, type ValidationErrorItem } from '../errors/request-validation-error';
import { issueFromConstraint } from './constraint-errors';
import { runChecks } from './check-interpreter';
import type { DtoDescriptor, DtoField, FieldShape } from './dto-descriptor';
import { planOf, type ConstraintArgs, type DtoPlan } from './dto-plan';
import { generatedValidator, type GeneratedValidator } from './generated-validator';
import { reported, sentValue, type Loc, type ValidationPass } from './validation-pass';
import { INVALID } from './invalid';
import { convertScalar, missingField, notAList, notAnObject, sentField } from './structural-pass';
import { isPlainObject } from '../values/plain-object';
import { isRecordingFieldsSet, rememberFieldsSet } from './fields-set';


type Pass = ValidationPass;

/**
 * First pass: structure, presence and Pydantic's lax scalar conversion. Returns
 * the cleaned plain value, with what failed left out (objects) or `undefined`
 * (list positions), so the constraint pass can still check everything else.
 * `loc` is a working stack (pushed and popped on the way down); an error item
 * gets a copy, so the success path allocates no locations.
 */
function coerce(shape: FieldShape, value: unknown, loc: Loc, pass: Pass, direct: boolean): unknown {
  switch (shape.kind) {
    case 'scalar':
      return convertScalar(shape, value, loc, pass);
    case 'list': {
      if (!Array.isArray(value)) return notAList(value, loc, pass);
      const items = new Array<unknown>(value.length);
      for (let index = 0; index < value.length; index++) {
        loc.push(index);
        const item = coerce(shape.element, value[index], loc, pass, direct);
        loc.pop();
        items[index] = item === INVALID ? undefined : item;
      }
      return items;
    }
    case 'dto':
      return coerceObject(shape.dto, value, loc, pass, direct);
  }
}

/** With `direct`, the result is already the DTO instance (see `DtoPlan.direct`); otherwise a plain object for class-transformer. */
function coerceObject(dto: DtoDescriptor, value: unknown, loc: Loc, pass: Pass, direct: boolean): unknown {
  if (!isPlainObject(value)) return notAnObject(value, loc, pass);
  const cleaned = (direct ? new dto.cls() : {}) as Record<string, unknown>;
  if (direct && isRecordingFieldsSet()) rememberFieldsSet(cleaned, new Set(dto.fields.filter((field) => sentField(value, field.name) !== undefined).map((field) => field.name)));
  for (const field of dto.fields) {
    const raw = sentField(value, field.name);
    if (raw === undefined) {
      if (!field.optional) missingField(field.name, value, loc, pass);
    } else if (raw === null && field.nullable) {
      cleaned[field.name] = null;
    } else {
      loc.push(field.name);
      const converted = coerce(field.shape, raw, loc, pass, direct);
      loc.pop();
      if (converted !== INVALID) cleaned[field.name] = converted;
    }
  }
  return cleaned;
}

function fieldOf(dto: DtoDescriptor, name: string): DtoField | undefined {
  return dto.fields.find((f) => f.name === name);
}

/** Second pass: class-validator's findings, mapped to Pydantic-style items, skipping places already reported. */
function collectConstraintErrors(dto: DtoDescriptor, errors: readonly ValidationError[], loc: Loc, pass: Pass): void {
  const args: ConstraintArgs = planOf(dto).constraintArgs;
  for (const error of errors) {
    const fieldLoc = [...loc, error.property];
    const issue = reported(pass, fieldLoc) ? undefined : issueFromConstraint(error, args.get(error.property) ?? new Map());
    if (issue) {
      pass.errors.push(
        issue.type === 'missing'
          ? missingItem(fieldLoc, null)
          : validationItem(issue.type, fieldLoc, issue.msg, sentValue(pass, fieldLoc, error.value), issue.ctx),
      );
    }
    const field = fieldOf(dto, error.property);
    if (!error.children?.length || !field) continue;
    if (field.shape.kind === 'dto') {
      collectConstraintErrors(field.shape.dto, error.children, fieldLoc, pass);
    } else if (field.shape.kind === 'list' && field.shape.element.kind === 'dto') {
      for (const child of error.children) {
        collectConstraintErrors(field.shape.element.dto, child.children ?? [], [...fieldLoc, Number(child.property)], pass);
      }
    }
  }
}

const VALIDATOR_OPTIONS = { forbidUnknownValues: false, validationError: { target: false, value: true } } as const;

/** The instance, or `INVALID` when this DTO's validation added errors (then put in declaration order). */
function settle(dto: DtoDescriptor, instance: object, errors: ValidationErrorItem[], before: number, prefix: number): unknown {
  if (errors.length === before) return instance;
  sortByDeclaration(dto, errors, before, prefix);
  return INVALID;
}

/** Validates a JSON value against a DTO: one of the functions below. */
export type DtoValidation = (value: unknown, loc: Loc, errors: ValidationErrorItem[]) => unknown;

/**
 * Validates a JSON value against a DTO class and instantiates it. Records every
 * problem in `errors` (FastAPI's shapes and `loc`s under `loc`) and returns
 * `INVALID`, or returns the instance. Synchronous unless the DTO has
 * asynchronous validators. Chosen once per DTO: its generated validator, or
 * the interpreter of its plan where no code is generated for it (a DTO using
 * @Expose, @Exclude or @Transform), or class-validator's executor where the
 * plan cannot check it (`@ValidatePromise()`); all three find the same.
 * The DTO's metadata is read (and checked) before; the choice is made when
 * the first value is validated.
 */
export function dtoValidation(dto: DtoDescriptor): DtoValidation {
  // Chosen (and generated) on the first request: a thousand DTOs cost start-up nothing but reading their metadata.
  let chosen: DtoValidation | undefined;
  return (value, loc, errors) => (chosen ??= chooseValidation(dto))(value, loc, errors);
}

function chooseValidation(dto: DtoDescriptor): DtoValidation {
  const plan = planOf(dto);
  const generated = generatedValidator(plan);
  if (generated) return (value, loc, errors) => validateGenerated(generated, plan, value, loc, errors);
  const interpret = plan.checks !== undefined;
  return (value, loc, errors) => validateThrough(plan, interpret, value, loc, errors);
}

export function validateDto(dto: DtoDescriptor, value: unknown, loc: Loc, errors: ValidationErrorItem[]): unknown {
  return dtoValidation(dto)(value, loc, errors);
}

/** The same validation through the interpreter of the DTO's plan (for DTOs the plan checks): what generated code is tested against. */
export function validateDtoWithInterpreter(dto: DtoDescriptor, value: unknown, loc: Loc, errors: ValidationErrorItem[]): unknown {
  const plan = planOf(dto);
  return validateThrough(plan, plan.checks !== undefined, value, loc, errors);
}

/**
 * The same validation with every constraint run by class-validator's own
 * executor (`validateSync`/`validate`): the reference the other backends are
 * tested against.
 */
export function validateDtoWithClassValidator(dto: DtoDescriptor, value: unknown, loc: Loc, errors: ValidationErrorItem[]): unknown {
  return validateThrough(planOf(dto), false, value, loc, errors);
}

function validateGenerated(generated: GeneratedValidator, plan: DtoPlan, value: unknown, loc: Loc, errors: ValidationErrorItem[]): unknown {
  const pass: Pass = { errors, touched: undefined, sent: undefined };
  const before = errors.length;
  const stack = [...loc];
  const instance = generated.parse(value, stack, pass);
  if (instance === INVALID) return INVALID;
  const pending: Promise<void>[] = [];
  generated.check(instance as object, stack, pass, pending);
  if (pending.length > 0) return Promise.all(pending).then(() => settle(plan.dto, instance as object, errors, before, loc.length));
  return settle(plan.dto, instance as object, errors, before, loc.length);
}

/** With `interpret`, the plan's checks run (the interpreter backend); otherwise class-validator's executor. */
function validateThrough(plan: DtoPlan, interpret: boolean, value: unknown, loc: Loc, errors: ValidationErrorItem[]): unknown {
  const { dto } = plan;
  const pass: Pass = { errors, touched: undefined, sent: undefined };
  const before = errors.length;
  const stack = [...loc];
  const cleaned = coerceObject(dto, value, stack, pass, plan.direct);
  if (cleaned === INVALID) return INVALID;
  const instance = plan.direct
    ? (cleaned as object)
    : (plainToInstance(dto.cls, cleaned, { enableImplicitConversion: true, exposeDefaultValues: true }) as object);
  if (!plan.direct && isRecordingFieldsSet()) rememberFieldsSet(instance, new Set(Object.keys(cleaned as object)));
  if (interpret) {
    const pending: Promise<void>[] = [];
    runChecks(plan, instance, stack, pass, pending);
    if (pending.length > 0) return Promise.all(pending).then(() => settle(dto, instance, errors, before, loc.length));
    return settle(dto, instance, errors, before, loc.length);
  }
  if (dto.asyncValidation) {
    return validate(instance, VALIDATOR_OPTIONS).then((found) => {
      collectConstraintErrors(dto, found, loc, pass);
      return settle(dto, instance, errors, before, loc.length);
    });
  }
  collectConstraintErrors(dto, validateSync(instance, VALIDATOR_OPTIONS), loc, pass);
  return settle(dto, instance, errors, before, loc.length);
}

/** Where a location falls in declaration order: field positions (and list indexes) along its path. */
function declarationOrder(dto: DtoDescriptor, path: readonly (string | number)[]): number[] {
  const order: number[] = [];
  let shape: FieldShape = { kind: 'dto', dto };
  for (const segment of path) {
    if (shape.kind === 'dto') {
      const index = shape.dto.fields.findIndex((f) => f.name === segment);
      order.push(index < 0 ? Number.MAX_SAFE_INTEGER : index);
      if (index < 0) break;
      shape = shape.dto.fields[index]!.shape;
    } else if (shape.kind === 'list' && typeof segment === 'number') {
      order.push(segment);
      shape = shape.element;
    } else {
      break;
    }
  }
  return order;
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Orders this DTO's errors by field declaration, as Pydantic reports them (class-validator's come in its own order). */
function sortByDeclaration(dto: DtoDescriptor, errors: ValidationErrorItem[], from: number, prefix: number): void {
  const mine = errors.splice(from).map((item) => ({ item, order: declarationOrder(dto, item.loc.slice(prefix)) }));
  mine.sort((a, b) => compareOrder(a.order, b.order));
  errors.push(...mine.map((entry) => entry.item));
}
