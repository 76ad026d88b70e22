import type { DependencyRef } from './depends-marker';

/**
 * `app.dependencyOverrides`: replace any dependency (function, class,
 * dependable object such as a security scheme, or container token) with
 * another, for tests. Consulted at every node of every request; the
 * replacement's own parameters are what the request must satisfy. The OpenAPI
 * document keeps describing the originals.
 */
export class DependencyOverrides {
  private readonly replacements = new Map<unknown, DependencyRef>();

  set(original: unknown, replacement: DependencyRef): this {
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
}
