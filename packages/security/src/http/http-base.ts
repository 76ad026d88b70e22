import type { ConnectionContext } from '@deft/core';
import { isScheme, parseAuthorizationHeader } from '../authorization-header';
import { SecurityScheme, type SecuritySchemeOptions } from '../security-scheme';
import { HTTPAuthorizationCredentials } from './http-authorization-credentials';
import { titleCase } from './title-case';

export interface HTTPBaseOptions<E extends boolean = true> extends SecuritySchemeOptions<E> {
  /** The HTTP authentication scheme documented in OpenAPI (`bearer`, `digest`, or another registered one). */
  scheme: string;
}

/**
 * An HTTP authentication scheme: resolves to the `Authorization` header's
 * scheme and credentials, whatever the scheme sent (subclasses check it).
 * A missing header, or one without credentials: 401 `Not authenticated` with
 * the scheme, title-cased, as challenge.
 */
export class HTTPBase<E extends boolean = true> extends SecurityScheme<HTTPAuthorizationCredentials, E> {
  /** The scheme as documented (`bearer`). */
  protected readonly scheme: string;
  /** Whether the header must use `scheme` (case-insensitively); `HTTPBase` itself accepts any. */
  protected readonly enforcesScheme: boolean = false;

  /** `extra`: further fields of the OpenAPI entry, after `scheme` (e.g. `bearerFormat`). */
  constructor(options: HTTPBaseOptions<E>, extra: Record<string, unknown> = {}) {
    const { scheme, ...common } = options;
    super(common, { type: 'http', description: common.description, scheme, ...extra });
    this.scheme = scheme;
  }

  protected read(context: ConnectionContext): HTTPAuthorizationCredentials | null {
    const { scheme, credentials } = parseAuthorizationHeader(context.header('authorization'));
    if (!scheme || !credentials) return this.notAuthenticated();
    if (this.enforcesScheme && !isScheme(scheme, this.scheme)) return this.notAuthenticated();
    return new HTTPAuthorizationCredentials({ scheme, credentials });
  }

  protected challenge(): string {
    return titleCase(this.scheme);
  }
}
