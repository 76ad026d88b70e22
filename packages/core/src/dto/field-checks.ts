import { getMetadataStorage } from 'class-validator';
import type { DtoDescriptor, DtoField, ValidationMetadata } from './dto-descriptor';
import { fastConstraint, type FastTest } from './fast-constraints';
import type { ConstraintArguments } from './validation-message';

export interface ConstraintRunner {
  validate(value: unknown, args: ConstraintArguments): unknown;
  defaultMessage?(args: ConstraintArguments): string;
}

export interface Check {
  readonly meta: ValidationMetadata;
  readonly name: string;
  /**
   * The constraint's implementation, class-validator's instance of its
   * constraint class; looked up on first use (class-validator finds it by
   * scanning every instance it has made, which a thousand DTOs would pay at
   * start-up for checks whose fast form never needs it).
   */
  readonly runner: ConstraintRunner;
  /** A precompiled equivalent of `runner.validate` for common built-ins. */
  readonly fast: FastTest | undefined;
  /** The decorator's own `validateIf` option: the check runs only where it holds. */
  readonly when: Condition | undefined;
}

export type Condition = (object: object, value: unknown) => unknown;

/** How one field's constraints are checked: the "check" part of a DTO's plan. */
export interface FieldChecks {
  readonly name: string;
  readonly skipWhenNullish: boolean;
  /** `@ValidateIf()` conditions: the field is checked only when all of them hold. */
  readonly conditions: readonly Condition[];
  /** `@IsDefined()` checks first, then the others, in class-validator's order. */
  readonly checks: readonly Check[];
  /**
   * True exactly when every check passes, for fields whose checks all have a
   * fast equivalent: the common, valid case then skips the reporting loop.
   */
  readonly allPass: FastTest | undefined;
  /** The DTO `@ValidateNested()` checks in the value (each item's, for a list). */
  readonly nested: DtoDescriptor | undefined;
  readonly nestedList: boolean;
}

/**
 * What class-validator's executor does with each kind of metadata, done here
 * alike. `@Allow()` (`whitelistValidation`) only matters to the `whitelist`
 * option, which Deft does not use. Groups and `always` choose metadata only
 * when validation names groups, which Deft's never does: every decorator
 * applies, as in `validateSync(instance)`.
 */
const SUPPORTED_TYPES = new Set(['customValidation', 'conditionalValidation', 'nestedValidation', 'isDefined', 'whitelistValidation']);

/**
 * A field's checks, in class-validator's order, with precompiled equivalents
 * of the built-ins; `undefined` when the field uses what only class-validator's
 * executor handles (`@ValidatePromise()`, a constraint class registered twice).
 */
export function planFieldChecks(field: DtoField): FieldChecks | undefined {
  const { name, validations, shape } = field;
  const storage = getMetadataStorage();
  const defined: Check[] = [];
  const custom: Check[] = [];
  const conditions: Condition[] = [];
  let skipWhenNullish = false;
  for (const meta of validations) {
    if (!SUPPORTED_TYPES.has(meta.type)) return undefined;
    if (meta.type === 'conditionalValidation') {
      if (meta.name === 'isOptional') skipWhenNullish = true;
      else conditions.push(meta.constraints[0] as Condition);
      continue;
    }
    if (meta.type === 'nestedValidation' || meta.type === 'whitelistValidation') continue;
    const constraints = storage.getTargetValidatorConstraints(meta.constraintCls);
    const constraint = constraints[0];
    if (constraints.length !== 1 || !constraint) return undefined;
    const checkName = constraint.name || meta.type;
    let runner: ConstraintRunner | undefined;
    (meta.type === 'isDefined' ? defined : custom).push({
      meta,
      name: checkName,
      get runner() {
        return (runner ??= constraint.instance as ConstraintRunner);
      },
      fast: constraint.async ? undefined : fastConstraint(checkName, meta.constraints),
      when: meta.validateIf as Condition | undefined,
    });
  }
  const element = shape.kind === 'list' ? shape.element : shape;
  const nested = validations.some((m) => m.type === 'nestedValidation') && element.kind === 'dto' ? element.dto : undefined;
  const checks = [...defined, ...custom];
  return { name, skipWhenNullish, conditions, checks, allPass: allPassTest(checks), nested, nestedList: shape.kind === 'list' };
}

type Collection = unknown[] | Set<unknown> | Map<unknown, unknown>;

/** What an `each: true` constraint checks element by element (a Map's values). */
export function isCollection(value: unknown): value is Collection {
  return Array.isArray(value) || value instanceof Set || value instanceof Map;
}

export function everyElement(value: Collection, test: (item: unknown) => boolean): boolean {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!test(value[i])) return false;
    return true;
  }
  for (const item of value.values()) if (!test(item)) return false;
  return true;
}

/** A fast test applied as `passes` applies a check: to each element with `each: true`. */
function fastPasses(check: Check): FastTest | undefined {
  const test = check.fast;
  if (!test || !check.meta.each) return test;
  return (value) => (isCollection(value) ? everyElement(value, test) : test(value));
}

function allPassTest(checks: readonly Check[]): FastTest | undefined {
  const tests: FastTest[] = [];
  for (const check of checks) {
    const test = check.when ? undefined : fastPasses(check);
    if (!test) return undefined;
    tests.push(test);
  }
  if (tests.length === 1) return tests[0];
  return (value) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i]!(value)) return false;
    return true;
  };
}

