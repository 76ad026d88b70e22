import type { InjectionToken } from 'tsyringe';
import type { ResolutionFrame } from '../context/resolution-frame';
import type { SecurityScopes } from '../context/security-scopes';
import type { DependencyScope } from '../metadata/depends-spec';
import type { RequestParamReader } from '../params/request-param-reader';
import type { CacheKey } from './cache-keys';
import type { CompileSite } from './compile-site';
import type { SecuritySchemeInfo } from './dependable';
import type { InjectedKind } from './injected-types';

/** Where one argument of a dependency's function, constructor or `resolve` comes from. */
export type ArgSlot =
  | { readonly kind: 'dependency'; readonly node: DependencyNode }
  | { readonly kind: 'param'; readonly reader: RequestParamReader }
  | { readonly kind: InjectedKind }
  /** A container service: from the app's container (`app`), or the request's child container (`request`). */
  | { readonly kind: 'service'; readonly token: InjectionToken; readonly from: 'app' | 'request' };

/** Calls the dependency with its resolved arguments (aligned with `slots`). */
export type Invoke = (args: unknown[], frame: ResolutionFrame, node: DependencyNode) => unknown;

/**
 * One node of a route's compiled dependency graph: built once at start-up and
 * never changed; per request the resolver only walks `slots` and calls
 * `invoke`.
 */
export interface DependencyNode {
  /** The dependency's identity (the object given to `Depends`): the override key. */
  readonly key: unknown;
  /** Human-readable name for errors: `CurrentUser`, `getDb()`, `OAuth2PasswordBearer`. */
  readonly label: string;
  readonly useCache: boolean;
  /** What the value is cached under in its frame (shared by every use with the same FastAPI cache key). */
  readonly cacheKey: CacheKey;
  /**
   * Whether no other use in its route's graph has the same cache key (set once
   * the route's graph is complete, see \`markSoleUses\`): then, with no override
   * in place, nothing could read the cached value, and none is kept.
   */
  readonly cache: { sole: boolean };
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
  /** The scope the dependency declared (`Depends(x, { scope })`), if any. */
  readonly declaredScope: DependencyScope | undefined;
  /** FastAPI's computed scope: the declared one, else `request` for a generator; `undefined` for the others. */
  readonly computedScope: DependencyScope | undefined;
  /** Its rung on the scope ladder, assigned transitively at start-up: the frame its value lives in and its teardown exits with. */
  readonly scope: DependencyScope;
  /** Where it was compiled: what an override of it is compiled against. */
  readonly site: CompileSite;
}
