import { INCLUSION, type IncludeOptions, type Inclusion } from '../metadata/records';

type AnyClass = abstract new (...args: never[]) => unknown;

/**
 * A controller or router included with options of its own, where it is
 * included (FastAPI's `include_router(router, prefix=..., tags=...,
 * dependencies=...)`); they apply outside the class's own.
 */
export function include(target: AnyClass, options: IncludeOptions = {}): Inclusion {
  return Object.freeze({ [INCLUSION]: true as const, target, options });
}

export function isInclusion(value: unknown): value is Inclusion {
  return typeof value === 'object' && value !== null && INCLUSION in value;
}
