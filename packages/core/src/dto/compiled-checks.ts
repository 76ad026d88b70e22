import { getMetadataStorage } from 'class-validator';
import { missingItem, validationItem } from '../errors/request-validation-error';
import { issueForConstraint } from './constraint-errors';
import type { DtoDescriptor, FieldShape, ValidationMetadata } from './dto-descriptor';
import { fastConstraint, type FastTest } from './fast-constraints';
import { constraintMessage, type ConstraintArguments } from './validation-message';
import { reported, sentValue, type Loc, type ValidationPass } from './validation-pass';

interface ConstraintRunner {
  validate(value: unknown, args: ConstraintArguments): unknown;
  defaultMessage?(args: ConstraintArguments): string;
}

interface Check {
  readonly meta: ValidationMetadata;
  readonly name: string;
  readonly runner: ConstraintRunner;
  /** A precompiled equivalent of `runner.validate` for common built-ins. */
  readonly fast: FastTest | undefined;
  /** The decorator's own `validateIf` option: the check runs only where it holds. */
  readonly when: Condition | undefined;
}

type Condition = (object: object, value: unknown) => unknown;

interface FieldPlan {
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
  readonly nested: DtoDescriptor | undefined;
  readonly nestedList: boolean;
}

/**
 * Checks a DTO instance's constraints and records Pydantic-style items, as
 * `validate` would find them; the findings of asynchronous constraints are
 * recorded when the promises it adds to `pending` settle.
 */
export type CompiledChecks = (instance: object, loc: Loc, pass: ValidationPass, pending: Promise<void>[]) => void;

/**
 * What class-validator's executor does with each kind of metadata, done here
 * alike. `@Allow()` (`whitelistValidation`) only matters to the `whitelist`
 * option, which Deft does not use. Groups and `always` choose metadata only
 * when validation names groups, which Deft's never does: every decorator
 * applies, as in `validateSync(instance)`.
 */
const SUPPORTED_TYPES = new Set(['customValidation', 'conditionalValidation', 'nestedValidation', 'isDefined', 'whitelistValidation']);

function planField(name: string, validations: readonly ValidationMetadata[], shape: FieldShape): FieldPlan | undefined {
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
    (meta.type === 'isDefined' ? defined : custom).push({
      meta,
      name: checkName,
      runner: constraint.instance as ConstraintRunner,
      fast: constraint.async ? undefined : fastConstraint(checkName, meta.constraints),
      when: meta.validateIf as Condition | undefined,
    });
  }
  const element = shape.kind === 'list' ? shape.element : shape;
  const nested = validations.some((m) => m.type === 'nestedValidation') && element.kind === 'dto' ? element.dto : undefined;
  const checks = [...defined, ...custom];
  return { name, skipWhenNullish, conditions, checks, allPass: allPassTest(checks), nested, nestedList: shape.kind === 'list' };
}

/** Whether a field's `@ValidateIf()` conditions all hold; each is asked, as class-validator asks them all. */
function conditionsHold(conditions: readonly Condition[], instance: object, value: unknown): boolean {
  let hold = true;
  for (let i = 0; i < conditions.length; i++) hold = Boolean(conditions[i]!(instance, value)) && hold;
  return hold;
}

type Collection = unknown[] | Set<unknown> | Map<unknown, unknown>;

/** What an `each: true` constraint checks element by element (a Map's values). */
function isCollection(value: unknown): value is Collection {
  return Array.isArray(value) || value instanceof Set || value instanceof Map;
}

function everyElement(value: Collection, test: (item: unknown) => boolean): boolean {
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

/** A verdict, or the promise of one from an asynchronous constraint. */
type Verdict = boolean | PromiseLike<boolean>;

const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

function accepts(check: Check, value: unknown, args: ConstraintArguments): Verdict {
  if (check.fast) return check.fast(value);
  const result = check.runner.validate(value, args);
  return isPromiseLike(result) ? Promise.resolve(result).then(Boolean) : Boolean(result);
}

/** As class-validator applies a check: to each element with `each: true` (every element asked when one is asynchronous). */
function passes(check: Check, value: unknown, args: ConstraintArguments): Verdict {
  if (!check.meta.each || !isCollection(value)) return accepts(check, value, args);
  const fast = check.fast;
  if (fast) return everyElement(value, fast);
  const verdicts = [...(Array.isArray(value) ? value : value.values())].map((item) => accepts(check, item, args));
  if (!verdicts.some(isPromiseLike)) return verdicts.every(Boolean);
  return Promise.all(verdicts).then((all) => all.every(Boolean));
}

/**
 * Runs a field's checks as class-validator would and records the last failed
 * constraint ("last constraint wins", keyed by constraint name), unless the
 * structural pass already reported that place. A field with an asynchronous
 * constraint is reported once its verdicts are in (a promise in `pending`).
 */
function reportField(plan: FieldPlan, instance: object, value: unknown, loc: Loc, pass: ValidationPass, pending: Promise<void>[]): void {
  const args: ConstraintArguments = { targetName: instance.constructor.name, property: plan.name, object: instance, value, constraints: [] };
  const verdicts: Verdict[] = [];
  let waiting = false;
  for (const check of plan.checks) {
    args.constraints = check.meta.constraints;
    const verdict = check.when && !check.when(instance, value) ? true : passes(check, value, args);
    if (typeof verdict !== 'boolean') waiting = true;
    verdicts.push(verdict);
  }
  const fieldLoc = [...loc, plan.name];
  if (!waiting) return reportFailures(plan, verdicts as boolean[], undefined, args, fieldLoc, pass);
  const later = verdicts.map((verdict) => typeof verdict !== 'boolean');
  pending.push(Promise.all(verdicts).then((settled) => reportFailures(plan, settled, later, args, fieldLoc, pass)));
}

/**
 * Keyed by constraint name like class-validator's `constraints` object (a
 * repeated name keeps its first position), where an asynchronous finding is
 * written after every synchronous one: the last key is the one reported.
 */
function reportFailures(plan: FieldPlan, verdicts: readonly boolean[], later: readonly boolean[] | undefined, args: ConstraintArguments, fieldLoc: Loc, pass: ValidationPass): void {
  let failures: Map<string, Check> | undefined;
  const note = (i: number): void => {
    if (!verdicts[i]) (failures ??= new Map()).set(plan.checks[i]!.name, plan.checks[i]!);
  };
  for (let i = 0; i < verdicts.length; i++) if (!later?.[i]) note(i);
  if (later) for (let i = 0; i < verdicts.length; i++) if (later[i]) note(i);
  if (!failures || reported(pass, fieldLoc)) return;
  const failed = [...failures.values()].pop()!;
  args.constraints = failed.meta.constraints;
  const message = (): string => constraintMessage(failed.meta.message, failed.runner.defaultMessage?.bind(failed.runner), args);
  const issue = issueForConstraint(failed.name, args.value, failed.meta.constraints ?? [], message);
  pass.errors.push(issue.type === 'missing' ? missingItem(fieldLoc, null) : validationItem(issue.type, fieldLoc, issue.msg, sentValue(pass, fieldLoc, args.value), issue.ctx));
}

const cache = new WeakMap<DtoDescriptor, CompiledChecks | null>();

/**
 * Compiles a DTO's class-validator constraints into a direct loop over its
 * fields, calling the same constraint implementations class-validator calls,
 * with the same "last constraint wins" reporting. `undefined` when the DTO
 * uses what only class-validator's executor handles (`@ValidatePromise()`, a
 * constraint class registered twice): then `validateSync`/`validate` run instead.
 */
export function compiledChecks(dto: DtoDescriptor): CompiledChecks | undefined {
  const known = cache.get(dto);
  if (known !== undefined) return known ?? undefined;
  cache.set(dto, null); // a DTO that contains itself compiles against this placeholder, then the real function below
  const plans: FieldPlan[] = [];
  for (const field of dto.fields) {
    const plan = planField(field.name, field.validations, field.shape);
    if (!plan || (plan.nested && plan.nested !== dto && !compiledChecks(plan.nested))) return undefined;
    plans.push(plan);
  }
  // Looked up on first use: a DTO that contains itself is not compiled yet while its plans are made.
  const nestedChecks: (CompiledChecks | undefined)[] = plans.map(() => undefined);
  // `loc` is a working stack, pushed and popped on the way down; reported items get copies.
  const checks: CompiledChecks = (instance, loc, pass, pending) => {
    for (let i = 0; i < plans.length; i++) {
      const plan = plans[i]!;
      const value = (instance as Record<string, unknown>)[plan.name];
      if (plan.skipWhenNullish && (value === null || value === undefined)) continue;
      if (plan.conditions.length > 0 && !conditionsHold(plan.conditions, instance, value)) continue;
      if (plan.checks.length > 0 && !(plan.allPass !== undefined && plan.allPass(value))) reportField(plan, instance, value, loc, pass, pending);
      if (plan.nested && value !== undefined && value !== null) {
        const nested = (nestedChecks[i] ??= compiledChecks(plan.nested)!);
        loc.push(plan.name);
        if (plan.nestedList && Array.isArray(value)) {
          for (let index = 0; index < value.length; index++) {
            const item: unknown = value[index];
            if (typeof item !== 'object' || item === null) continue;
            loc.push(index);
            nested(item, loc, pass, pending);
            loc.pop();
          }
        } else if (typeof value === 'object') {
          nested(value, loc, pass, pending);
        }
        loc.pop();
      }
    }
  };
  cache.set(dto, checks);
  return checks;
}
