import type { ConnectionContext } from '@deft/core';
import { SecurityScheme, type SecuritySchemeOptions } from '../security-scheme';

export interface OpenIdConnectOptions<E extends boolean = true> extends SecuritySchemeOptions<E> {
  /** The provider's discovery document (`.well-known/openid-configuration`). */
  openIdConnectUrl: string;
}

/**
 * OpenID Connect discovery. Like FastAPI's, it resolves to the whole
 * `Authorization` header (validating the token is up to you). Without the
 * header: 401 `Not authenticated`, `WWW-Authenticate: Bearer`.
 */
export class OpenIdConnect<E extends boolean = true> extends SecurityScheme<string, E> {
  constructor(options: OpenIdConnectOptions<E>) {
    const { openIdConnectUrl, ...common } = options;
    super(common, { type: 'openIdConnect', description: common.description, openIdConnectUrl });
  }

  protected read(context: ConnectionContext): string | null {
    return context.header('authorization') || this.notAuthenticated();
  }

  protected challenge(): string {
    return 'Bearer';
  }
}
