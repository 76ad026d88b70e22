import { HTTPException, type Dependable, type ConnectionContext, type SecuritySchemeInfo } from '@deft/core';

/** What a scheme resolves to: `T`, or `T | null` when `autoError` may be `false`. */
export type Checked<T, E extends boolean> = E extends false ? T | null : T;

/** Options every security scheme accepts. */
export interface SecuritySchemeOptions<E extends boolean = true> {
  /** The key in `components.securitySchemes` and in operations' `security`; default: the class name. */
  schemeName?: string;
  /** Shown in the OpenAPI document. */
  description?: string;
  /** `false`: missing or unusable credentials give `null` instead of a 401. Default `true`. */
  autoError?: E;
}

/** Drops `undefined` fields, keeping key order: the OpenAPI entry omits unset fields. */
export function definedFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) deepFreeze(child as object);
  return Object.freeze(value);
}

/**
 * A security scheme: a dependency that reads credentials from the request and
 * carries its own OpenAPI entry (`securityScheme`), so the document is derived
 * from the same object that enforces it.
 *
 * Subclasses implement `read` and `challenge`. Override
 * `makeNotAuthenticatedError()` to answer differently, e.g. 403:
 *
 * ```ts
 * class HTTPBearer403 extends HTTPBearer {
 *   protected override makeNotAuthenticatedError() {
 *     return new HTTPException(403, 'Not authenticated');
 *   }
 * }
 * ```
 */
export abstract class SecurityScheme<T, E extends boolean = true> implements Dependable<Checked<T, E>> {
  /** The key in `components.securitySchemes`: `schemeName`, or the runtime class name (a subclass's own). */
  readonly schemeName: string;
  readonly autoError: boolean;
  readonly securityScheme: SecuritySchemeInfo;

  /** `definition` is the OpenAPI security scheme object, in its key order; `undefined` fields are dropped. */
  protected constructor(options: SecuritySchemeOptions<E>, definition: Record<string, unknown>) {
    this.schemeName = options.schemeName ?? new.target.name;
    this.autoError = options.autoError ?? true;
    this.securityScheme = deepFreeze({ name: this.schemeName, definition: definedFields(definition) });
  }

  resolve(context: ConnectionContext): Checked<T, E> {
    return this.read(context) as Checked<T, E>;
  }

  /** The credentials, or `this.notAuthenticated()` when they are missing or unusable. */
  protected abstract read(context: ConnectionContext): T | null;

  /** The `WWW-Authenticate` challenge of the 401 response. */
  protected abstract challenge(): string;

  /** The error raised for missing or unusable credentials: 401 `Not authenticated` with the challenge. */
  protected makeNotAuthenticatedError(): HTTPException {
    return new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': this.challenge() });
  }

  /** Throws the not-authenticated error, or returns `null` when `autoError` is `false`. */
  protected notAuthenticated(): null {
    if (this.autoError) throw this.makeNotAuthenticatedError();
    return null;
  }
}
