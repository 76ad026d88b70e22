import type { DependencyNode } from './dependency-node';

/**
 * Every compiled node of an app by the dependency it stands for, so that an
 * override set for a dependency is compiled at once for every place it is
 * used (a replacement that cannot work fails at `set`, not in a request).
 */
export class NodeIndex {
  private readonly byKey = new Map<unknown, DependencyNode[]>();

  add(node: DependencyNode): void {
    const nodes = this.byKey.get(node.key);
    if (nodes) nodes.push(node);
    else this.byKey.set(node.key, [node]);
  }

  nodesOf(key: unknown): readonly DependencyNode[] {
    return this.byKey.get(key) ?? [];
  }
}
