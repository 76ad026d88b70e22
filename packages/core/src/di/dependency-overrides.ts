import { DeftError } from '../errors/deft-error';
import type { DependencyRef } from '../metadata/depends-spec';
import type { DependencyNode } from './dependency-node';
import { GraphCompiler } from './graph-compiler';
import type { NodeIndex } from './node-index';

interface Compiled {
  readonly replacement: unknown;
  readonly node: DependencyNode;
}

/**
 * `app.dependencyOverrides`: replace any dependency (function, class,
 * dependable object such as a security scheme, or container token) with
 * another, for tests. The replacement's own parameters are what the request
 * must satisfy; the OpenAPI document keeps describing the originals.
 *
 * The registry compiles each replacement, for every place the original is
 * used, when it is set (so one that cannot work throws there), and keeps what
 * it compiled: a request only looks its node up. The compiled graphs of the
 * routes never change.
 */
export class DependencyOverrides {
  private readonly replacements = new Map<unknown, DependencyRef>();
  private readonly compiled = new WeakMap<DependencyNode, Compiled>();

  constructor(private readonly index: NodeIndex) {}

  set(original: unknown, replacement: DependencyRef): this {
    for (const node of this.index.nodesOf(original)) this.compile(node, replacement);
    this.replacements.set(original, replacement);
    return this;
  }

  get(original: unknown): DependencyRef | undefined {
    return this.replacements.get(original);
  }

  has(original: unknown): boolean {
    return this.replacements.has(original);
  }

  delete(original: unknown): boolean {
    return this.replacements.delete(original);
  }

  clear(): void {
    this.replacements.clear();
  }

  get size(): number {
    return this.replacements.size;
  }

  /** The node to run in place of `node`: its replacement's, or itself when it is not overridden. */
  nodeFor(node: DependencyNode): DependencyNode {
    const replacement = this.replacements.get(node.key);
    if (replacement === undefined || replacement === node.key) return node;
    const known = this.compiled.get(node);
    return known && known.replacement === replacement ? known.node : this.compile(node, replacement);
  }

  private compile(original: DependencyNode, replacement: unknown): DependencyNode {
    if (replacement === original.key) return original;
    const known = this.compiled.get(original);
    if (known && known.replacement === replacement) return known.node;
    let node: DependencyNode;
    try {
      node = new GraphCompiler(original.site, undefined).compileReplacement(original, replacement);
    } catch (error) {
      if (!(error instanceof DeftError) || error.message.includes(`The override for ${original.label}`)) throw error;
      throw new DeftError(error.code, `The override for ${original.label}: ${error.message.slice(error.code.length + 2)}`, { cause: error });
    }
    this.compiled.set(original, { replacement, node });
    return node;
  }
}
