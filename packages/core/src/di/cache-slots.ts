/**
 * Assigns each distinct dependency of a route its slot in the per-request
 * cache. FastAPI's cache key is the dependency itself plus, for dependencies
 * that use scopes, the sorted set of scopes, plus its computed teardown scope.
 */
export class CacheSlots {
  private readonly slots = new Map<unknown, Map<string, number>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  slotFor(key: unknown, scopes: readonly string[] | undefined, teardownScope?: string): number {
    const scopeKey = `${scopes ? [...new Set(scopes)].sort().join(' ') : ''}|${teardownScope ?? ''}`;
    let byScopes = this.slots.get(key);
    if (!byScopes) this.slots.set(key, (byScopes = new Map()));
    let slot = byScopes.get(scopeKey);
    if (slot === undefined) byScopes.set(scopeKey, (slot = this.count++));
    return slot;
  }
}
