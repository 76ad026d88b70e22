import type { InjectionToken } from 'tsyringe';
import type { SecurityScopes } from '../context/security-scopes';
import type { RequestParamReader } from '../params/request-param-reader';
import type { SecuritySchemeInfo } from './dependable';
import type { RequestState } from './request-state';
import type { TeardownScope } from './teardown';

/** Where one argument of a dependency's function, constructor or `resolve` comes from. */
export type ArgSlot =
  | { readonly kind: 'dependency'; readonly node: DependencyNode }
  | { readonly kind: 'param'; readonly reader: RequestParamReader }
  | { readonly kind: 'scopes' }
  | { readonly kind: 'context' }
  | { readonly kind: 'background' }
  | { readonly kind: 'service'; readonly token: InjectionToken };

/** Calls the dependency with its resolved arguments (aligned with `slots`). */
export type Invoke = (args: unknown[], state: RequestState, node: DependencyNode) => unknown;

/**
 * One node of a route's compiled dependency graph: built once at start-up;
 * per request the resolver only walks `slots` and calls `invoke`.
 */
export interface DependencyNode {
  /** The dependency's identity (the object given to `Depends`): the cache and override key. */
  readonly key: unknown;
  /** Human-readable name for errors: `CurrentUser`, `getDb()`, `OAuth2PasswordBearer`. */
  readonly label: string;
  readonly useCache: boolean;
  /** This node's slot in the route's per-request cache (shared by nodes with the same cache key). */
  readonly cacheSlot: number;
  /** Scopes required from the root down to here (parents' first, de-duplicated). */
  readonly scopes: readonly string[];
  readonly securityScopes: SecurityScopes;
  /** Whether the node's value can depend on scopes (FastAPI's `_uses_scopes`): then scopes are part of its cache key. */
  readonly usesScopes: boolean;
  /** Set when the dependency is a security scheme. */
  readonly security: SecuritySchemeInfo | undefined;
  readonly slots: readonly ArgSlot[];
  /** Indexes into `slots`: sub-dependencies in declaration order; request params in FastAPI's source order; the rest. */
  readonly dependencyIndexes: readonly number[];
  readonly paramIndexes: readonly number[];
  readonly injectedIndexes: readonly number[];
  readonly invoke: Invoke;
  /** Class dependencies whose instance is disposable get teardown through `Symbol.asyncDispose` / `Symbol.dispose`. */
  readonly disposesInstance: boolean;
  /** When this dependency's teardown (if it has one) runs. */
  readonly teardownScope: TeardownScope;
}
