import type { ConnectionContext } from '../context/connection-context';
import type { SecurityScopes } from '../context/security-scopes';

/** A security scheme's entry in `components.securitySchemes`, keyed by `name`. */
export interface SecuritySchemeInfo {
  readonly name: string;
  readonly definition: Readonly<Record<string, unknown>>;
}

/**
 * The dependable protocol: an object that produces a per-request value.
 * `@Depends(obj)` calls `obj.resolve(context, scopes)`. An object whose class
 * decorates `resolve`'s parameters (`@Query`, `@Depends`, ...) gets those
 * resolved instead, like a class dependency's `resolve`.
 *
 * Security schemes are dependables that also expose `securityScheme`: the
 * OpenAPI scanner reads it from the dependency graph, so a scheme documents
 * itself wherever it is used.
 */
export interface Dependable<T = unknown> {
  resolve(context: ConnectionContext, scopes: SecurityScopes): T | Promise<T>;
  readonly securityScheme?: SecuritySchemeInfo;
}

export function isDependableObject(value: unknown): value is Dependable {
  return (
    typeof value === 'object' && value !== null && typeof (value as { resolve?: unknown }).resolve === 'function'
  );
}
