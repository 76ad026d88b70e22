import type { FastifyServerOptions } from 'fastify';
import type { DependencyContainer } from 'tsyringe';
import type { DependencyEntry } from '../di/depends-marker';
import type { RouteGroupEntry } from '../metadata/records';
import type { Lifespan } from '../lifespan/lifespan';
import type { DeftApp } from './deft-app';
import type { DocumentedAppOptions } from './documented-app-options';
import type { AppPluginOptions } from '../plugins/app-plugins';
import type { RequestLimits } from '../http/request-limits';
import type { ServerTimeouts } from '../server/server-timeouts';
import type { ResponseClassRef } from '../metadata/records';

export interface AppOptions extends DocumentedAppOptions, AppPluginOptions {
  /** Controllers, each a class or `include(Controller, { prefix, ... })`. */
  controllers?: readonly RouteGroupEntry[];
  /** Routers (`@Router(...)` classes), each as it is or `include(Router, { prefix, ... })`. */
  routers?: readonly RouteGroupEntry[];
  /**
   * Code around the app's life: an async generator (start before `yield`,
   * stop after), or `{ start, stop }` hooks; several run in order and stop in
   * reverse. They start at `ready()` or `listen()` (or the first request
   * `inject` makes) and stop at `close()`.
   */
  lifespan?: Lifespan<DeftApp> | readonly Lifespan<DeftApp>[];
  /** Dependencies run before every route; their values are discarded. */
  dependencies?: readonly DependencyEntry[];
  /** The parent of the app's own child container (default: tsyringe's root container, which Deft never registers into). */
  container?: DependencyContainer;
  /** Options for the Fastify instance (logger, trustProxy, ...). */
  fastify?: FastifyServerOptions;
  /** How much of a request is read before it is refused (413, or 431 for headers); see the production checklist. */
  limits?: RequestLimits;
  /** How long the server waits for clients, and `close()` for running requests, in milliseconds. */
  timeouts?: ServerTimeouts;
  /**
   * Whether a request for a path that exists only with (or without) a
   * trailing slash is redirected there with a 307 (FastAPI's
   * `redirect_slashes`). Default `true`; `false` answers 404.
   */
  redirectSlashes?: boolean;
  /** The response class of routes that name none (FastAPI's `default_response_class`); default JSON. */
  defaultResponseClass?: ResponseClassRef;
}
