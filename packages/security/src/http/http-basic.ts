import type { ConnectionContext } from '@deft/core';
import { isScheme, parseAuthorizationHeader } from '../authorization-header';
import { SecurityScheme, type SecuritySchemeOptions } from '../security-scheme';
import { HTTPBasicCredentials } from './http-basic-credentials';
import { decodeLenientBase64 } from './lenient-base64';

export interface HTTPBasicOptions<E extends boolean = true> extends SecuritySchemeOptions<E> {
  /** Sent in the challenge (`Basic realm="..."`); browsers show it in their login prompt. */
  realm?: string;
}

function isAscii(bytes: Buffer): boolean {
  return bytes.every((byte) => byte < 0x80);
}

/**
 * HTTP Basic authentication: `Authorization: Basic base64(username:password)`
 * resolves to `HTTPBasicCredentials` (split at the first colon: the password
 * may contain colons). A missing header or another scheme: 401, or `null`
 * with `autoError: false`. Credentials that do not decode to ASCII text with
 * a colon are always a 401, whatever `autoError` says.
 */
export class HTTPBasic<E extends boolean = true> extends SecurityScheme<HTTPBasicCredentials, E> {
  readonly realm: string | undefined;

  constructor(options: HTTPBasicOptions<E> = {}) {
    const { realm, ...common } = options;
    super(common, { type: 'http', description: common.description, scheme: 'basic' });
    this.realm = realm;
  }

  protected read(context: ConnectionContext): HTTPBasicCredentials | null {
    const header = context.header('authorization');
    const { scheme, credentials } = parseAuthorizationHeader(header);
    if (!header || !isScheme(scheme, 'basic')) return this.notAuthenticated();
    const decoded = decodeLenientBase64(credentials);
    if (!decoded || !isAscii(decoded)) throw this.makeNotAuthenticatedError();
    const text = decoded.toString('latin1');
    const colon = text.indexOf(':');
    if (colon < 0) throw this.makeNotAuthenticatedError();
    return new HTTPBasicCredentials({ username: text.slice(0, colon), password: text.slice(colon + 1) });
  }

  protected challenge(): string {
    return this.realm ? `Basic realm="${this.realm}"` : 'Basic';
  }
}
