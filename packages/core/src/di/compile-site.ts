import type { BodyLayout } from '../params/request-param-reader';
import type { AppServices } from './app-services';
import type { CacheKeys } from './cache-keys';

/**
 * What a route's nodes are compiled against, kept so that an override's
 * replacement can be compiled later exactly as the original was: the app's
 * services and cache keys, and the route's path-parameter names
 * and body layout.
 */
export interface CompileSite {
  readonly services: AppServices;
  readonly keys: CacheKeys;
  /** The route's path-parameter keys as Fastify names them, when they differ (`{p:path}` → `*`). */
  readonly pathKeys: ReadonlyMap<string, string>;
  readonly body: BodyLayout;
}
