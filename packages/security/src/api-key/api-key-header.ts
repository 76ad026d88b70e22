import type { ConnectionContext } from '@deft/core';
import { APIKeyBase, type APIKeyOptions } from './api-key-base';

/** An API key in a request header (name matched case-insensitively; the first value counts). */
export class APIKeyHeader<E extends boolean = true> extends APIKeyBase<E> {
  constructor(options: APIKeyOptions<E>) {
    super('header', options);
  }

  protected keyFrom(context: ConnectionContext): string | undefined {
    return context.header(this.name);
  }
}
