import { Form } from '@deft/core';
import { OAuth2PasswordRequestForm } from './oauth2-password-request-form';

/** `OAuth2PasswordRequestForm` that requires `grant_type=password`, as the OAuth2 specification does. */
export class OAuth2PasswordRequestFormStrict extends OAuth2PasswordRequestForm {
  declare readonly grantType: string;

  constructor(
    @Form('grant_type', { pattern: '^password$' }) grantType: string,
    @Form('username') username: string,
    @Form('password') password: string,
    @Form('scope', { default: '' }) scope: string,
    @Form('client_id', { type: String, default: null }) clientId: string | null,
    @Form('client_secret', { type: String, default: null }) clientSecret: string | null,
  ) {
    super(grantType, username, password, scope, clientId, clientSecret);
  }
}
