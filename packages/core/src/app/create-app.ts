import Fastify from 'fastify';
import { container as rootContainer } from 'tsyringe';
import { installRequestFrames } from '../context/request-frames';
import { AppServices } from '../di/app-services';
import { CacheKeys } from '../di/cache-keys';
import { DependencyOverrides } from '../di/dependency-overrides';
import { NodeIndex } from '../di/node-index';
import { DeftError } from '../errors/deft-error';
import { installBodyParsers } from '../http/body-parsers';
import { decodeEncodedSlashes } from '../http/encoded-slashes';
import { createErrorHandler } from '../http/error-handler';
import { ExceptionHandlers } from '../http/exception-handlers';
import { createNotFoundHandler } from '../http/not-found-handler';
import { AppFrame } from '../lifecycle/app-frame';
import { disposerExit } from '../lifecycle/exit';
import { reflectMetadataLoaded } from '../metadata/design-types';
import { serveDocs } from '../openapi/serve-docs';
import type { AppOptions } from './app-options';
import { DeftApp } from './deft-app';
import type { Lifespan } from '../lifespan/lifespan';
import { appScopedNodes, startApp } from '../lifespan/start-app';
import { installAppPlugins } from '../plugins/app-plugins';
import { mountControllers } from '../routing/mount-controllers';
import { compileControllers, compileDocumentedRoutes } from './route-compiler';
import { lazySchemaCompilers } from './lazy-schema-compilers';
import { closeWithApp } from './app-shutdown';
import { resolveSettings } from './app-settings';
import { serverOptions } from './server-options';
import { afterPlugins } from './after-plugins';
import { registerRoutes } from './register-routes';
import { createRouteHandler } from './route-handler';
import { createWebSocketHandlers } from './websocket-handler';
import { holdTierUp } from './tier-up-hold';
import { appLogging } from './app-logger';

/**
 * Builds an application: reads every controller's metadata, compiles and
 * validates every route's dependency graph (developer mistakes throw a
 * `DeftError` here, naming what to change), and registers the routes on a new
 * Fastify instance. Nothing reflective happens per request.
 */
export function createApp(options: AppOptions): DeftApp {
  // V8's optimizing compiler waits while the app starts (see tier-up-hold.ts): until Fastify is ready.
  const release = holdTierUp();
  try {
    const app = buildApp(options);
    app.fastify.addHook('onReady', (done) => {
      release();
      done();
    });
    return app;
  } catch (error) {
    release();
    throw error;
  }
}

function buildApp(options: AppOptions): DeftApp {
  if (!reflectMetadataLoaded()) {
    throw new DeftError('DEFT_ERR_REFLECT_METADATA_MISSING', "reflect-metadata is not loaded: add `import 'reflect-metadata';` as the first line of your entry point.");
  }
  const container = (options.container ?? rootContainer).createChildContainer();
  const frame = new AppFrame(container);
  // The first exit of the app frame, so the last to run: what the container itself made is disposed after everything else.
  frame.push(disposerExit('the app container', () => container.dispose()));
  const index = new NodeIndex();
  const mounted = mountControllers(options.controllers ?? [], options.routers ?? [], options.dependencies ?? []);
  const compilation = { services: new AppServices(container, frame), keys: new CacheKeys(), index, responseClass: options.defaultResponseClass };
  const routes = compileControllers(mounted, compilation);
  const webhooks = compileDocumentedRoutes(options.webhooks ?? [], compilation);
  const { limits, timeouts } = resolveSettings(options);
  const server = serverOptions(options.fastify ?? {}, { limits, timeouts, closing: () => frame.inFlight.closing });

  const logging = appLogging(options.fastify ?? {});
  const fastify = Fastify({
    exposeHeadRoutes: false,
    rewriteUrl: decodeEncodedSlashes,
    ...lazySchemaCompilers(options.fastify),
    // A URL Fastify's router cannot decode is rendered as every other error (a JSON 400).
    frameworkErrors: (error, request, reply) => void renderError(error, request, reply),
    ...options.fastify,
    ...server.fastify,
    ...logging.fastify,
  });
  if (logging.logger) fastify.log = logging.logger;
  installBodyParsers(fastify, limits);
  installAppPlugins(fastify, options);
  installRequestFrames(fastify, frame);
  closeWithApp(fastify, frame, { gracePeriod: timeouts.shutdown, servers: server.servers });

  const overrides = new DependencyOverrides(index);
  const handlers = new ExceptionHandlers();
  const renderError = createErrorHandler(handlers, limits);
  fastify.setErrorHandler(renderError);
  const app = new DeftApp(fastify, container, routes, options, overrides, handlers, frame, webhooks);
  const runtime = { app: frame, overrides, renderError };
  afterPlugins(fastify, (root) => {
    registerRoutes(
      root,
      routes,
      { http: (route) => createRouteHandler(route, runtime), websocket: (route) => createWebSocketHandlers(route, runtime) },
      frame,
      limits,
    );
    const docsRoutes = serveDocs(root, options, () => app.openapi());
    const apiRoutes = routes.map((r) => ({ method: r.method, fastifyPath: r.path.fastify }));
    root.setNotFoundHandler(createNotFoundHandler([...apiRoutes, ...docsRoutes], { renderError, redirectSlashes: options.redirectSlashes ?? true }));
  });
  const lifespans = options.lifespan === undefined ? [] : Array.isArray(options.lifespan) ? options.lifespan : [options.lifespan as Lifespan<DeftApp>];
  const appNodes = appScopedNodes(routes.map((route) => route.root));
  if (lifespans.length > 0 || appNodes.length > 0) fastify.addHook('onReady', () => startApp({ app, frame, lifespans, appNodes, overrides }));
  return app;
}
