import type { CacheKey } from './cache-keys';
import type { DependencyNode } from './dependency-node';

/**
 * Marks the request-scoped nodes of a route's graph whose cache key no other
 * node of the graph has: within one request nothing else can ask for their
 * value, so the resolver need not keep it (one map and two look-ups fewer
 * per request and dependency). The app rung, the function rung (its frame is
 * the handler call's) and every override (compiled apart, it may share keys
 * with any node) keep the cache as before.
 */
export function markSoleUses(root: DependencyNode): void {
  const uses = new Map<CacheKey, number>();
  const nodes: DependencyNode[] = [];
  const visit = (node: DependencyNode): void => {
    nodes.push(node);
    uses.set(node.cacheKey, (uses.get(node.cacheKey) ?? 0) + 1);
    for (const slot of node.slots) if (slot.kind === 'dependency') visit(slot.node);
  };
  visit(root);
  for (const node of nodes) node.cache.sole = node.scope === 'request' && uses.get(node.cacheKey) === 1;
}
