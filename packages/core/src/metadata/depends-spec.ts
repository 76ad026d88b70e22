import type { InjectionToken } from 'tsyringe';

type AnyConstructor = abstract new (...args: never[]) => unknown;

/**
 * The rungs of the scope ladder, widest first. A dependency's value lives in
 * (is cached in, and torn down with) the frame of its scope:
 * - `app`: created once, shared by every request, torn down at `app.close()`;
 * - `request` (the default): one per request, torn down after the response;
 * - `function`: torn down right after the handler, before the response.
 */
export type DependencyScope = 'app' | 'request' | 'function';

/** An object whose `resolve()` declares decorated parameters (a parametrized dependency such as a checker), or a dependable. */
export interface ResolvableObject {
  resolve(...args: never[]): unknown;
}

/** Anything `@Depends(x)` accepts: a dependable object, a class, a function, or a container token. */
export type DependencyRef = ResolvableObject | AnyConstructor | ((...args: never[]) => unknown) | InjectionToken;

export const DEPENDS_MARKER = Symbol('deft.depends');

/** What one `Depends(...)` / `Security(...)` use declared. */
export interface DependsSpec {
  /** `undefined`: the decorated parameter's declared type. */
  readonly dependency: DependencyRef | undefined;
  readonly useCache: boolean;
  /** Scopes this use requires (`Security(x, scopes)`); empty for `Depends`. */
  readonly scopes: readonly string[];
  /** `Depends(undefined)` was written, which is usually a circular import, not `Depends()`. */
  readonly undefinedGiven?: boolean;
  /** The declared scope; `undefined`: `request`, or what its own dependencies make it (see the graph compiler). */
  readonly scope?: DependencyScope;
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
