import { usesTransformerFeatures } from './class-transformer-types';
import { validatorName, type DtoDescriptor, type DtoField } from './dto-descriptor';
import { planFieldChecks, type FieldChecks } from './field-checks';

/** Each constraint's arguments by name, per field: what class-validator's findings are read with. */
export type ConstraintArgs = ReadonlyMap<string, ReadonlyMap<string, readonly unknown[]>>;

/**
 * One DTO's plan, made once at start-up and read by every backend: how it is
 * parsed (the descriptor's fields and shapes), checked (each field's
 * constraints) and constructed. The validator and the response writer are
 * interpreters of it; self-referencing DTOs are handled here, once.
 */
export interface DtoPlan {
  readonly dto: DtoDescriptor;
  /**
   * Each field's checks, in declaration order; `undefined` when this DTO or
   * one it nests uses what only class-validator's executor handles.
   */
  readonly checks: readonly FieldChecks[] | undefined;
  /** The plan of the DTO each field holds (or holds a list of), by field position. */
  readonly nested: readonly (DtoPlan | undefined)[];
  /**
   * Whether the structural pass builds the instance itself, as
   * class-transformer's `plainToInstance` would (`new Class()`, so
   * initializers give defaults, then each field): not when this DTO or one it
   * nests uses @Expose, @Exclude or @Transform, which only class-transformer applies.
   */
  readonly direct: boolean;
  readonly constraintArgs: ConstraintArgs;
  /** What a backend made of this plan, by backend and options (a response writer per set of output options), made once. */
  readonly compiled: Map<string, unknown>;
}

interface MutablePlan {
  readonly dto: DtoDescriptor;
  /** This DTO's own fields' checks, `undefined` when one of them needs the executor. */
  readonly ownChecks: readonly FieldChecks[] | undefined;
  readonly ownDirect: boolean;
  readonly constraintArgs: ConstraintArgs;
  readonly compiled: Map<string, unknown>;
  checks: readonly FieldChecks[] | undefined;
  nested: readonly (DtoPlan | undefined)[];
  direct: boolean;
  finished: boolean;
}

const plans = new WeakMap<DtoDescriptor, MutablePlan>();

function nestedDto(field: DtoField): DtoDescriptor | undefined {
  const element = field.shape.kind === 'list' ? field.shape.element : field.shape;
  return element.kind === 'dto' ? element.dto : undefined;
}

function argsOf(fields: readonly DtoField[]): ConstraintArgs {
  const byField = new Map<string, Map<string, readonly unknown[]>>();
  for (const field of fields) {
    const args = new Map<string, readonly unknown[]>();
    for (const meta of field.validations) {
      const name = validatorName(meta);
      if (name) args.set(name, meta.constraints ?? []);
    }
    byField.set(field.name, args);
  }
  return byField;
}

/** What a DTO's plan knows from its own fields alone. */
function ownPlan(dto: DtoDescriptor): MutablePlan {
  const known = plans.get(dto);
  if (known) return known;
  const checks = dto.fields.map(planFieldChecks);
  const plan: MutablePlan = {
    dto,
    ownChecks: checks.every((check) => check !== undefined) ? (checks as FieldChecks[]) : undefined,
    ownDirect: !usesTransformerFeatures(dto.cls, dto.fields.map((field) => field.name)),
    constraintArgs: argsOf(dto.fields),
    compiled: new Map(),
    checks: undefined,
    nested: [],
    direct: false,
    finished: false,
  };
  plans.set(dto, plan);
  return plan;
}

/** The DTOs a DTO reaches through its fields, itself included, each once. */
function reachable(dto: DtoDescriptor): DtoDescriptor[] {
  const seen = new Set<DtoDescriptor>([dto]);
  const queue = [dto];
  for (let i = 0; i < queue.length; i++) {
    for (const field of queue[i]!.fields) {
      const nested = nestedDto(field);
      if (nested && !seen.has(nested)) {
        seen.add(nested);
        queue.push(nested);
      }
    }
  }
  return queue;
}

/** A DTO's plan (made on first request, then cached). */
export function planOf(dto: DtoDescriptor): DtoPlan {
  const plan = ownPlan(dto);
  if (plan.finished) return plan;
  // Finished before its nested plans are asked for: a DTO that contains itself gets this same plan.
  plan.finished = true;
  const reached = reachable(dto).map(ownPlan);
  plan.direct = reached.every((p) => p.ownDirect);
  plan.checks = reached.every((p) => p.ownChecks !== undefined) ? plan.ownChecks : undefined;
  plan.nested = dto.fields.map((field) => {
    const nested = nestedDto(field);
    return nested ? planOf(nested) : undefined;
  });
  return plan;
}

/** What `make` builds from a plan for `key`, made once per plan and key. */
export function compiledFrom<T>(plan: DtoPlan, key: string, make: () => T): T {
  if (!plan.compiled.has(key)) plan.compiled.set(key, make());
  return plan.compiled.get(key) as T;
}
