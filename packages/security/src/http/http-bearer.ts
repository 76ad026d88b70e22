import type { SecuritySchemeOptions } from '../security-scheme';
import { HTTPBase } from './http-base';

export interface HTTPBearerOptions<E extends boolean = true> extends SecuritySchemeOptions<E> {
  /** A hint of the token's format, documentation only (e.g. `JWT`). */
  bearerFormat?: string;
}

/** `Authorization: Bearer <token>`; a bare `Bearer` or another scheme is not authenticated. */
export class HTTPBearer<E extends boolean = true> extends HTTPBase<E> {
  protected override readonly enforcesScheme = true;

  constructor(options: HTTPBearerOptions<E> = {}) {
    const { bearerFormat, ...common } = options;
    super({ ...common, scheme: 'bearer' }, { bearerFormat });
  }
}
