import type { DependencyScope } from '../metadata/depends-spec';

/** The identity a dependency's value is cached under in its frame (an object, compared by reference). */
export interface CacheKey {
  readonly label: string;
}

/**
 * Interns cache keys for one app, so every route (and every hook that shares
 * a request's frame) finds a dependency's value under the same key. FastAPI's
 * key is the dependency itself, plus the sorted set of scopes for
 * dependencies that use scopes, plus its computed scope (the declared one, or
 * `request` for a generator).
 */
export class CacheKeys {
  private readonly keys = new Map<unknown, Map<string, CacheKey>>();

  keyFor(dependency: unknown, label: string, scopes: readonly string[] | undefined, computedScope: DependencyScope | undefined): CacheKey {
    const variant = `${scopes ? [...new Set(scopes)].sort().join(' ') : ''}|${computedScope ?? ''}`;
    let variants = this.keys.get(dependency);
    if (!variants) this.keys.set(dependency, (variants = new Map()));
    let key = variants.get(variant);
    if (!key) variants.set(variant, (key = Object.freeze({ label })));
    return key;
  }
}
