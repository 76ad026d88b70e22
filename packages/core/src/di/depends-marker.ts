import type { InjectionToken } from 'tsyringe';
import { recordParam } from '../decorators/parameter-target';
import type { Dependable } from './dependable';
import type { FunctionDependency } from './function-dependency';
import type { TeardownScope } from './teardown';

type AnyConstructor = abstract new (...args: never[]) => unknown;

/** An object whose `resolve()` declares decorated parameters (a parametrized dependency such as a checker). */
export interface ResolvableObject {
  resolve(...args: never[]): unknown;
}

/** Anything `@Depends(x)` accepts: a dependable object, a class, a function, or a container token. */
export type DependencyRef = Dependable | ResolvableObject | AnyConstructor | ((...args: never[]) => unknown) | InjectionToken;

/** The value a dependency produces, for typing function dependencies' arguments. */
export type DependencyValue<D> =
  D extends FunctionDependency<infer T>
    ? T
    : D extends Dependable<infer T>
      ? T
      : D extends { resolve(...args: never[]): infer R }
        ? Unwrapped<R>
        : D extends abstract new (...args: never[]) => infer I
        ? I extends { resolve(...args: never[]): infer R }
          ? Unwrapped<R>
          : I
        : D extends (...args: never[]) => infer R
          ? Unwrapped<R>
          : unknown;

/** What a dependency's function returns, seen by its dependents: awaited, or what a generator yields. */
export type Unwrapped<R> =
  R extends AsyncGenerator<infer Y, unknown, unknown>
    ? Y
    : R extends Generator<infer Y, unknown, unknown>
      ? Y
      : Awaited<R>;

export const DEPENDS_MARKER = Symbol('deft.depends');

export interface DependsSpec {
  /** `undefined`: the decorated parameter's declared type. */
  readonly dependency: DependencyRef | undefined;
  readonly useCache: boolean;
  /** Scopes this use requires (`Security(x, scopes)`); empty for `Depends`. */
  readonly scopes: readonly string[];
  /** `Depends(undefined)` was written, which is usually a circular import, not `Depends()`. */
  readonly undefinedGiven?: boolean;
  /** When a teardown runs; `undefined`: after the response (`'request'`). */
  readonly scope?: TeardownScope;
}

/**
 * What `Depends(...)` and `Security(...)` return: a parameter decorator, and
 * also an entry for any `dependencies` array (route, controller, app).
 */
export interface DependsMarker<T = unknown> extends ParameterDecorator {
  readonly [DEPENDS_MARKER]: DependsSpec;
  /** Type-level only: the value this dependency produces. */
  readonly __value?: T;
}

/** An entry of a `dependencies` array: a marker, or a bare dependency (same as `Depends(x)`). */
export type DependencyEntry = DependsMarker | DependencyRef;

export interface DependsOptions {
  /** `false`: evaluate again even if this request already has the value. Default `true`. */
  useCache?: boolean;
  /**
   * When a teardown (code after `yield`, or a disposer) runs: `'request'`
   * (default) after the response is sent; `'function'` right after the
   * handler, before the response, e.g. to commit a transaction before the
   * client sees the answer.
   */
  scope?: TeardownScope;
}

function marker<T>(spec: DependsSpec): DependsMarker<T> {
  const decorate = ((target: object, propertyKey: string | symbol | undefined, index: number) => {
    recordParam(target, propertyKey, index, { kind: 'depends', marker: decorate });
  }) as DependsMarker<T>;
  Object.defineProperty(decorate, DEPENDS_MARKER, { value: spec });
  return decorate;
}

/**
 * Declares a per-request dependency: `@Depends(oauth2Scheme) token: string`.
 * With no argument, the parameter's declared class is the dependency.
 */
export function Depends<D extends DependencyRef>(dependency?: D, options: DependsOptions = {}): DependsMarker<DependencyValue<D>> {
  const undefinedGiven = arguments.length > 0 && dependency === undefined;
  return marker({ dependency, useCache: options.useCache ?? true, scopes: [], undefinedGiven, scope: options.scope });
}

/** `Depends` that also requires OAuth2 scopes, seen by `SecurityScopes` and the OpenAPI document. */
export function Security<D extends DependencyRef>(
  dependency?: D,
  scopes: readonly string[] = [],
  options: DependsOptions = {},
): DependsMarker<DependencyValue<D>> {
  const undefinedGiven = arguments.length > 0 && dependency === undefined;
  return marker({ dependency, useCache: options.useCache ?? true, scopes: [...scopes], undefinedGiven, scope: options.scope });
}

export function isDependsMarker(value: unknown): value is DependsMarker {
  return typeof value === 'function' && DEPENDS_MARKER in value;
}
