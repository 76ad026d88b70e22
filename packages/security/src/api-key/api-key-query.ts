import type { ConnectionContext } from '@deft/core';
import { APIKeyBase, type APIKeyOptions } from './api-key-base';

/** An API key in the query string (a repeated parameter: the last value counts, as in FastAPI). */
export class APIKeyQuery<E extends boolean = true> extends APIKeyBase<E> {
  constructor(options: APIKeyOptions<E>) {
    super('query', options);
  }

  protected keyFrom(context: ConnectionContext): string | undefined {
    const value = context.query[this.name];
    return Array.isArray(value) ? value[value.length - 1] : value;
  }
}
