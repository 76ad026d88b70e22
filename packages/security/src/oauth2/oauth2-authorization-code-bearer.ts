import type { ConnectionContext } from '@deft/core';
import type { SecuritySchemeOptions } from '../security-scheme';
import { bearerToken } from './bearer-token';
import { OAuth2 } from './oauth2';

export interface OAuth2AuthorizationCodeBearerOptions<E extends boolean = true> extends SecuritySchemeOptions<E> {
  authorizationUrl: string;
  tokenUrl: string;
  refreshUrl?: string;
  scopes?: Readonly<Record<string, string>>;
}

/** OAuth2's authorization-code flow; resolves to the `Authorization: Bearer` token. */
export class OAuth2AuthorizationCodeBearer<E extends boolean = true> extends OAuth2<E> {
  constructor(options: OAuth2AuthorizationCodeBearerOptions<E>) {
    const { authorizationUrl, tokenUrl, refreshUrl, scopes, ...common } = options;
    super({ ...common, flows: { authorizationCode: { authorizationUrl, tokenUrl, refreshUrl, scopes } } });
  }

  protected override read(context: ConnectionContext): string | null {
    return bearerToken(context) ?? this.notAuthenticated();
  }
}
