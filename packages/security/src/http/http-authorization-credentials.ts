/** What `HTTPBearer`, `HTTPDigest` and `HTTPBase` resolve to: the header's scheme (as sent) and credentials. */
export class HTTPAuthorizationCredentials {
  readonly scheme: string;
  readonly credentials: string;

  constructor(fields: { scheme: string; credentials: string }) {
    this.scheme = fields.scheme;
    this.credentials = fields.credentials;
  }
}
