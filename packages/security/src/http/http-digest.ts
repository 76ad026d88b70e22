import type { SecuritySchemeOptions } from '../security-scheme';
import { HTTPBase } from './http-base';

/**
 * `Authorization: Digest <parameters>`. Like FastAPI's, it only reads the
 * header: checking the digest is up to you.
 */
export class HTTPDigest<E extends boolean = true> extends HTTPBase<E> {
  protected override readonly enforcesScheme = true;

  constructor(options: SecuritySchemeOptions<E> = {}) {
    super({ ...options, scheme: 'digest' });
  }
}
