import { Form } from '@deft/core';

/** `scope="a b  c"` → `['a', 'b', 'c']`: split on runs of whitespace. */
export function splitScopes(scope: string): string[] {
  return scope.split(/\s+/).filter((s) => s !== '');
}

/**
 * The form of OAuth2's password flow, as a class dependency:
 * `@Depends() form: OAuth2PasswordRequestForm` reads the form fields
 * `grant_type` (optional, `password` if given), `username`, `password`,
 * `scope` (space-separated), `client_id` and `client_secret`.
 */
export class OAuth2PasswordRequestForm {
  readonly grantType: string | null;
  readonly username: string;
  readonly password: string;
  /** The `scope` field split on whitespace. */
  readonly scopes: readonly string[];
  readonly clientId: string | null;
  readonly clientSecret: string | null;

  constructor(
    @Form('grant_type', { type: String, default: null, pattern: '^password$' }) grantType: string | null,
    @Form('username') username: string,
    @Form('password', { format: 'password' }) password: string,
    @Form('scope', { default: '' }) scope: string,
    @Form('client_id', { type: String, default: null }) clientId: string | null,
    @Form('client_secret', { type: String, default: null, format: 'password' }) clientSecret: string | null,
  ) {
    this.grantType = grantType;
    this.username = username;
    this.password = password;
    this.scopes = splitScopes(scope);
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }
}
