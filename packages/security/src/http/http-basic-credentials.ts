/** What `HTTPBasic` resolves to. Compare them with `safeCompare`, never `===`. */
export class HTTPBasicCredentials {
  readonly username: string;
  readonly password: string;

  constructor(fields: { username: string; password: string }) {
    this.username = fields.username;
    this.password = fields.password;
  }
}
