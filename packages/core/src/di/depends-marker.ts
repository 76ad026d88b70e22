import { recordParam } from '../decorators/parameter-target';
import { DeftError } from '../errors/deft-error';
import { DEPENDS_MARKER, type DependencyRef, type DependencyScope, type DependsMarker, type DependsSpec } from '../metadata/depends-spec';
import type { Dependable } from './dependable';
import type { FunctionDependency, Unwrapped } from './function-dependency';

export { DEPENDS_MARKER };
export type { Unwrapped } from './function-dependency';
export type { DependencyEntry, DependencyRef, DependencyScope, DependsMarker, DependsSpec, ResolvableObject } from '../metadata/depends-spec';

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

export interface DependsOptions {
  /** `false`: evaluate again even if this request already has the value. Default `true`. */
  useCache?: boolean;
  /**
   * Where the value lives, and so when its teardown (code after `yield`, or a
   * disposer) runs: `'request'` (default) one per request, torn down after the
   * response; `'function'` torn down right after the handler, before the
   * response (to commit a transaction before the client sees the answer);
   * `'app'` created once, shared by every request, torn down at `app.close()`
   * (a connection pool, a loaded model).
   */
  scope?: DependencyScope;
}

function marker<T>(spec: DependsSpec): DependsMarker<T> {
  if (spec.scope === 'app' && !spec.useCache) {
    throw new DeftError(
      'DEFT_ERR_DEPENDENCY_SCOPE',
      "Depends(x, { scope: 'app', useCache: false }): an app-scoped dependency is made once and shared, so it is always cached; drop useCache: false, or the app scope.",
    );
  }
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
