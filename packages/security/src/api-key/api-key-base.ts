import type { ConnectionContext } from '@deft/core';
import { SecurityScheme, type SecuritySchemeOptions } from '../security-scheme';

export interface APIKeyOptions<E extends boolean = true> extends SecuritySchemeOptions<E> {
  /** The header, query parameter or cookie that carries the key. */
  name: string;
}

/**
 * An API key sent in a header, the query string or a cookie; resolves to the
 * key. An absent or empty key: 401 `Not authenticated`, `WWW-Authenticate: APIKey`.
 * Check the key with `safeCompare`.
 */
export abstract class APIKeyBase<E extends boolean = true> extends SecurityScheme<string, E> {
  readonly name: string;

  protected constructor(location: 'header' | 'query' | 'cookie', options: APIKeyOptions<E>) {
    const { name, ...common } = options;
    super(common, { type: 'apiKey', description: common.description, in: location, name });
    this.name = name;
  }

  protected read(context: ConnectionContext): string | null {
    return this.keyFrom(context) || this.notAuthenticated();
  }

  /** The raw key from its place in the request, if present. */
  protected abstract keyFrom(context: ConnectionContext): string | undefined;

  protected challenge(): string {
    return 'APIKey';
  }
}
