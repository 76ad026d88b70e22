import { SecurityScopes } from '../context/security-scopes';
import { SOURCE_ORDER } from '../params/request-param-reader';
import type { ArgSlot, DependencyNode } from './dependency-node';

type NodeInit = Omit<DependencyNode, 'securityScopes' | 'dependencyIndexes' | 'paramIndexes' | 'injectedIndexes' | 'cache'>;

/** Finishes a node: precomputes its `SecurityScopes` and the evaluation order of its slots, and freezes it (all but `cache`, set once its route is complete). */
export function buildNode(init: NodeInit): DependencyNode {
  const indexes = init.slots.map((_, i) => i);
  const paramSlot = (i: number) => init.slots[i] as ArgSlot & { kind: 'param' };
  return Object.freeze({
    ...init,
    cache: { sole: false },
    securityScopes: new SecurityScopes(init.scopes),
    dependencyIndexes: indexes.filter((i) => init.slots[i]!.kind === 'dependency'),
    paramIndexes: indexes
      .filter((i) => init.slots[i]!.kind === 'param')
      .sort((a, b) => SOURCE_ORDER[paramSlot(a).reader.spec.source] - SOURCE_ORDER[paramSlot(b).reader.spec.source] || a - b),
    injectedIndexes: indexes.filter((i) => init.slots[i]!.kind !== 'dependency' && init.slots[i]!.kind !== 'param'),
  });
}
