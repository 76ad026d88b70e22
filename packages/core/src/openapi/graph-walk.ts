import type { DependencyNode } from '../di/dependency-node';
import type { SecuritySchemeInfo } from '../di/dependable';
import type { RequestParamReader } from '../params/request-param-reader';

/** A security scheme met in a route's graph, with the scopes required at that point. */
export interface SchemeUse {
  readonly scheme: SecuritySchemeInfo;
  readonly scopes: readonly string[];
}

/** What a route's dependency graph contributes to its operation. */
export interface OperationInputs {
  /** Request parameters in walk order (path/query/header/cookie and body fields alike). */
  readonly params: readonly RequestParamReader[];
  readonly schemes: readonly SchemeUse[];
}

/**
 * Walks a route's whole graph as FastAPI does for OpenAPI: depth-first,
 * pre-order, children in declaration order (the `dependencies` entries first),
 * each distinct cache key once. The root (the handler) is never a scheme.
 */
export function walkGraph(root: DependencyNode): OperationInputs {
  const params: RequestParamReader[] = [];
  const schemes: SchemeUse[] = [];
  const visited = new Set<unknown>();
  const stack: { node: DependencyNode; isRoot: boolean }[] = [{ node: root, isRoot: true }];
  while (stack.length > 0) {
    const { node, isRoot } = stack.pop()!;
    if (visited.has(node.cacheKey)) continue;
    visited.add(node.cacheKey);
    const children: DependencyNode[] = [];
    for (const slot of node.slots) {
      if (slot.kind === 'param') params.push(slot.reader);
      else if (slot.kind === 'dependency') children.push(slot.node);
    }
    if (!isRoot && node.security) schemes.push({ scheme: node.security, scopes: node.scopes });
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, isRoot: false });
  }
  return { params, schemes };
}
