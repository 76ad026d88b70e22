import { SecurityScopes } from '../context/security-scopes';
import { SOURCE_ORDER } from '../params/request-param-reader';
import type { ArgSlot, DependencyNode } from './dependency-node';

type NodeInit = Omit<DependencyNode, 'securityScopes' | 'dependencyIndexes' | 'paramIndexes' | 'injectedIndexes' | 'cache'>;

/** Finishes a node: precomputes its `SecurityScopes` and the evaluation order of its slots, and freezes it (all but `cache`, set once its route is complete). */
export function buildNode(init: NodeInit): DependencyNode {
  const indexes = init.slots.map((_, i) => i);
  const paramSlot = (i: number) => init.slots[i] as ArgSlot & { kind: 'param' };
  // Each field named, not `...init`: a spread followed by more fields took V8's slow path for every node (about 20 µs each at start-up).
  return Object.freeze({
    key: init.key,
    label: init.label,
    useCache: init.useCache,
    cacheKey: init.cacheKey,
    scopes: init.scopes,
    usesScopes: init.usesScopes,
    security: init.security,
    slots: init.slots,
    invoke: init.invoke,
    disposesInstance: init.disposesInstance,
    declaredScope: init.declaredScope,
    computedScope: init.computedScope,
    scope: init.scope,
    site: init.site,
    cache: { sole: false },
    securityScopes: new SecurityScopes(init.scopes),
    dependencyIndexes: indexes.filter((i) => init.slots[i]!.kind === 'dependency'),
    paramIndexes: indexes
      .filter((i) => init.slots[i]!.kind === 'param')
      .sort((a, b) => SOURCE_ORDER[paramSlot(a).reader.spec.source] - SOURCE_ORDER[paramSlot(b).reader.spec.source] || a - b),
    injectedIndexes: indexes.filter((i) => init.slots[i]!.kind !== 'dependency' && init.slots[i]!.kind !== 'param'),
  });
}
