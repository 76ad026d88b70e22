import type { ConnectionContext } from '@deft/core';
import { SecurityScheme, type SecuritySchemeOptions } from '../security-scheme';
import { flowsObject, type OAuthFlows } from './oauth-flows';

export interface OAuth2Options<E extends boolean = true> extends SecuritySchemeOptions<E> {
  flows?: OAuthFlows;
}

/**
 * An OAuth2 scheme with the flows you describe. It resolves to the whole
 * `Authorization` header, whatever its scheme; subclass it (or use
 * `OAuth2PasswordBearer`, `OAuth2AuthorizationCodeBearer`) to read a token.
 * Without the header: 401 `Not authenticated`, `WWW-Authenticate: Bearer`.
 */
export class OAuth2<E extends boolean = true> extends SecurityScheme<string, E> {
  constructor(options: OAuth2Options<E> = {}) {
    super(options, { type: 'oauth2', description: options.description, flows: flowsObject(options.flows ?? {}) });
  }

  protected read(context: ConnectionContext): string | null {
    return context.header('authorization') || this.notAuthenticated();
  }

  protected challenge(): string {
    return 'Bearer';
  }
}
