import { missingItem, validationItem } from '../errors/request-validation-error';
import { issueForConstraint } from './constraint-errors';
import type { DtoPlan } from './dto-plan';
import { everyElement, isCollection, type Check, type Condition, type FieldChecks } from './field-checks';
import { constraintMessage, type ConstraintArguments } from './validation-message';
import { reported, sentValue, type Loc, type ValidationPass } from './validation-pass';

/** Whether a field's `@ValidateIf()` conditions all hold; each is asked, as class-validator asks them all. */
export function conditionsHold(conditions: readonly Condition[], instance: object, value: unknown): boolean {
  let hold = true;
  for (let i = 0; i < conditions.length; i++) hold = Boolean(conditions[i]!(instance, value)) && hold;
  return hold;
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

/** `$target` in messages, as class-validator reads it: a field named `constructor` may hide the class. */
function targetName(instance: object): string {
  const constructor = (instance as { constructor?: { name?: unknown } }).constructor;
  return (constructor ? constructor.name : undefined) as string;
}

/**
 * Runs a field's checks as class-validator would and records the last failed
 * constraint ("last constraint wins", keyed by constraint name), unless the
 * structural pass already reported that place. A field with an asynchronous
 * constraint is reported once its verdicts are in (a promise in `pending`).
 */
export function reportField(field: FieldChecks, instance: object, value: unknown, loc: Loc, pass: ValidationPass, pending: Promise<void>[]): void {
  const args: ConstraintArguments = { targetName: targetName(instance), property: field.name, object: instance, value, constraints: [] };
  const verdicts: Verdict[] = [];
  let waiting = false;
  for (const check of field.checks) {
    args.constraints = check.meta.constraints;
    const verdict = check.when && !check.when(instance, value) ? true : passes(check, value, args);
    if (typeof verdict !== 'boolean') waiting = true;
    verdicts.push(verdict);
  }
  const fieldLoc = [...loc, field.name];
  if (!waiting) return reportFailures(field, verdicts as boolean[], undefined, args, fieldLoc, pass);
  const later = verdicts.map((verdict) => typeof verdict !== 'boolean');
  pending.push(Promise.all(verdicts).then((settled) => reportFailures(field, settled, later, args, fieldLoc, pass)));
}

/**
 * Keyed by constraint name like class-validator's `constraints` object (a
 * repeated name keeps its first position), where an asynchronous finding is
 * written after every synchronous one: the last key is the one reported.
 */
function reportFailures(field: FieldChecks, verdicts: readonly boolean[], later: readonly boolean[] | undefined, args: ConstraintArguments, fieldLoc: Loc, pass: ValidationPass): void {
  let failures: Map<string, Check> | undefined;
  const note = (i: number): void => {
    if (!verdicts[i]) (failures ??= new Map()).set(field.checks[i]!.name, field.checks[i]!);
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

/**
 * Checks a DTO instance's constraints as its plan says (the interpreter
 * backend), calling the same constraint implementations class-validator
 * calls, with its "last constraint wins" reporting, and records
 * Pydantic-style items as `validate` would find them. The findings of
 * asynchronous constraints are recorded when the promises it adds to
 * `pending` settle. `loc` is a working stack, pushed and popped on the way
 * down; reported items get copies. The plan's `checks` must be defined.
 */
export function runChecks(plan: DtoPlan, instance: object, loc: Loc, pass: ValidationPass, pending: Promise<void>[]): void {
  const fields = plan.checks!;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const value = (instance as Record<string, unknown>)[field.name];
    if (field.skipWhenNullish && (value === null || value === undefined)) continue;
    if (field.conditions.length > 0 && !conditionsHold(field.conditions, instance, value)) continue;
    if (field.checks.length > 0 && !(field.allPass !== undefined && field.allPass(value))) reportField(field, instance, value, loc, pass, pending);
    if (field.nested && value !== undefined && value !== null) {
      const nested = plan.nested[i]!;
      loc.push(field.name);
      if (field.nestedList && Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
          const item: unknown = value[index];
          if (typeof item !== 'object' || item === null) continue;
          loc.push(index);
          runChecks(nested, item, loc, pass, pending);
          loc.pop();
        }
      } else if (typeof value === 'object') {
        runChecks(nested, value, loc, pass, pending);
      }
      loc.pop();
    }
  }
}
