/**
 * The OAuth2 scopes required along the path from the route down to the
 * dependency that asks for them (declare a parameter of this type).
 */
export class SecurityScopes {
  readonly scopes: readonly string[];
  /** The scopes joined by spaces, as in a `WWW-Authenticate: Bearer scope="..."` challenge. */
  readonly scopeStr: string;

  constructor(scopes: readonly string[] = []) {
    this.scopes = Object.freeze([...scopes]);
    this.scopeStr = this.scopes.join(' ');
  }
}
