import type { FastifyCompressOptions } from '@fastify/compress';
import type { FastifyCorsOptions } from '@fastify/cors';
import type { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance, FastifyPluginAsync, FastifyPluginCallback, FastifyPluginOptions } from 'fastify';
import { redirectToHttps } from './https-redirect';
import { shedLoad, type LoadSheddingOptions } from './load-shedding';
import { limitRate, type RateLimitOptions } from './rate-limit';
import { trustHosts } from './trusted-hosts';

/** The cross-cutting parts an app can switch on in `createApp`, each through Fastify's own plugin where one exists. */
export interface AppPluginOptions {
  /** CORS through @fastify/cors (FastAPI's `CORSMiddleware`): `true` for its defaults, or its options. */
  cors?: true | FastifyCorsOptions;
  /**
   * Response compression through @fastify/compress (FastAPI's
   * `GZipMiddleware`): `true` for gzip, brotli or deflate as the client
   * accepts them, for bodies of 500 bytes or more (GZipMiddleware's
   * `minimum_size`), or @fastify/compress's options.
   */
  compression?: true | FastifyCompressOptions;
  /**
   * Security headers through @fastify/helmet: `true` for its defaults, or its
   * options. The docs pages get a Content-Security-Policy of their own that
   * lets Swagger UI and ReDoc run.
   */
  helmet?: true | FastifyHelmetOptions;
  /** Hosts the app answers for (`Host` header), `*.example.com` for subdomains; others get 400 (Starlette's `TrustedHostMiddleware`). */
  trustedHosts?: readonly string[];
  /** Redirects plain-HTTP requests to HTTPS with a 307 (Starlette's `HTTPSRedirectMiddleware`). */
  httpsRedirect?: boolean;
  /**
   * Refuses new requests with a JSON 503 and `Retry-After` while the event
   * loop lags (or memory is) past a threshold, through
   * @fastify/under-pressure: `true` for a 1 s lag, or thresholds of your own.
   */
  loadShedding?: true | LoadSheddingOptions;
  /**
   * Limits each client's requests per time window, through
   * @fastify/rate-limit (a JSON 429 with `Retry-After` past it): `true` for
   * its defaults (1000 a minute per IP), or its options.
   */
  rateLimit?: true | RateLimitOptions;
  /**
   * Fastify plugins to register before Deft's routes, each a plugin or
   * `[plugin, options]`: the place for plugins that look at the routes as
   * they are added (@fastify/swagger). Plugins that only add routes or hooks can also come later,
   * through `app.register(...)`.
   */
  plugins?: readonly PluginEntry[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a Fastify plugin of any options type
type AnyPlugin = FastifyPluginCallback<any> | FastifyPluginAsync<any>;

/** A plugin, or a plugin with its options. */
export type PluginEntry = AnyPlugin | readonly [AnyPlugin, FastifyPluginOptions?];

/** What GZipMiddleware compresses: bodies from 500 bytes. */
const MINIMUM_SIZE = 500;

/**
 * Registers the parts the app switched on, before its routes. Each plugin
 * is loaded only by apps that use it.
 */
export function installAppPlugins(fastify: FastifyInstance, options: AppPluginOptions): void {
  // First, so that an overloaded server refuses a request before anything else is done for it.
  if (options.loadShedding) shedLoad(fastify, options.loadShedding);
  if (options.httpsRedirect) redirectToHttps(fastify);
  if (options.trustedHosts) trustHosts(fastify, options.trustedHosts);
  if (options.cors) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only by apps that use it
    const cors = require('@fastify/cors') as typeof import('@fastify/cors');
    void fastify.register(cors.default, options.cors === true ? {} : options.cors);
  }
  if (options.helmet) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only by apps that use it
    const helmet = require('@fastify/helmet') as typeof import('@fastify/helmet');
    void fastify.register(helmet.default, options.helmet === true ? {} : options.helmet);
  }
  if (options.compression) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only by apps that use it
    const compress = require('@fastify/compress') as typeof import('@fastify/compress');
    void fastify.register(compress.default, options.compression === true ? { threshold: MINIMUM_SIZE } : { threshold: MINIMUM_SIZE, ...options.compression });
  }
  if (options.rateLimit) limitRate(fastify, options.rateLimit);
  for (const entry of options.plugins ?? []) {
    const [plugin, pluginOptions] = typeof entry === 'function' ? [entry, undefined] : entry;
    void fastify.register(plugin, pluginOptions);
  }
}
