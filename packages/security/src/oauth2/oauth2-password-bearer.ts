import type { ConnectionContext } from '@deft/core';
import type { SecuritySchemeOptions } from '../security-scheme';
import { bearerToken } from './bearer-token';
import { OAuth2 } from './oauth2';

export interface OAuth2PasswordBearerOptions<E extends boolean = true> extends SecuritySchemeOptions<E> {
  /** Where clients send the username and password (the OAuth2 password flow), e.g. `'token'`. */
  tokenUrl: string;
  /** The scopes clients may ask for, each with its description. */
  scopes?: Readonly<Record<string, string>>;
  refreshUrl?: string;
}

/**
 * OAuth2's password flow: clients get a token from `tokenUrl` and send it as
 * `Authorization: Bearer <token>`. Resolves to the token.
 */
export class OAuth2PasswordBearer<E extends boolean = true> extends OAuth2<E> {
  constructor(options: OAuth2PasswordBearerOptions<E>) {
    const { tokenUrl, refreshUrl, scopes, ...common } = options;
    super({ ...common, flows: { password: { tokenUrl, refreshUrl, scopes } } });
  }

  protected override read(context: ConnectionContext): string | null {
    return bearerToken(context) ?? this.notAuthenticated();
  }
}
