import type { ConnectionContext } from '@deft/core';
import { APIKeyBase, type APIKeyOptions } from './api-key-base';

/** An API key in a cookie. */
export class APIKeyCookie<E extends boolean = true> extends APIKeyBase<E> {
  constructor(options: APIKeyOptions<E>) {
    super('cookie', options);
  }

  protected keyFrom(context: ConnectionContext): string | undefined {
    return context.cookies[this.name];
  }
}
