import type { ParamMarker } from '../decorators/request-params';
import type { DependsMarker } from '../metadata/depends-spec';

type AnyConstructor = abstract new (...args: never[]) => unknown;

/** What a dependency's function returns, seen by its dependents: awaited, or what a generator yields. */
export type Unwrapped<R> =
  R extends AsyncGenerator<infer Y, unknown, unknown>
    ? Y
    : R extends Generator<infer Y, unknown, unknown>
      ? Y
      : Awaited<R>;

/**
 * How each argument of a function dependency is obtained: a request parameter
 * (`Query('q')`), a sub-dependency (`Depends(x)`), or a class that is injected
 * by type (`SecurityScopes`, `RequestContext`, `BackgroundTasks`, a service).
 */
export type DependencyParams = Readonly<Record<string, ParamMarker | DependsMarker | AnyConstructor>>;

/** The argument object a function dependency receives for declaration `P`. */
export type DependencyArgs<P extends DependencyParams> = {
  [K in keyof P]: P[K] extends ParamMarker<infer T>
    ? T
    : P[K] extends DependsMarker<infer T>
      ? T
      : P[K] extends abstract new (...args: never[]) => infer I
        ? I
        : never;
};

/**
 * A function registered by `defineDependency`; `T` is the value it produces.
 * The brand is a type-only property with a plain name (not a private unique
 * symbol), so that a package exporting a `defineDependency` result can emit
 * its declarations.
 */
export type FunctionDependency<T = unknown> = ((args: never) => unknown) & { readonly __dependencyValue: T };

const declarations = new WeakMap<object, DependencyParams>();

/**
 * Declares a function dependency that needs request data or sub-dependencies
 * (TypeScript has no decorators on function parameters):
 *
 * ```ts
 * const pagination = defineDependency(
 *   { skip: Query('skip', { type: Int, default: 0 }), limit: Query('limit', { type: Int, default: 100 }) },
 *   ({ skip, limit }) => ({ skip, limit }),
 * );
 * ```
 *
 * Returns `fn` itself; use it as `@Depends(pagination)`. An async generator
 * function gets teardown: code after its `yield` runs after the response.
 */
export function defineDependency<const P extends DependencyParams, R>(
  params: P,
  fn: (args: DependencyArgs<P>) => R,
): typeof fn & FunctionDependency<Unwrapped<R>> {
  declarations.set(fn, params);
  return fn as typeof fn & FunctionDependency<Unwrapped<R>>;
}

/** The declaration `defineDependency` recorded for a function, if any. */
export function functionDependencyParams(fn: object): DependencyParams | undefined {
  return declarations.get(fn);
}
