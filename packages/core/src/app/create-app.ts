import Fastify from 'fastify';
import { container as rootContainer } from 'tsyringe';
import { installRequestFrames } from '../context/request-frames';
import { AppServices } from '../di/app-services';
import { CacheKeys } from '../di/cache-keys';
import { DependencyOverrides } from '../di/dependency-overrides';
import { NodeIndex } from '../di/node-index';
import { DeftError } from '../errors/deft-error';
import { installBodyParsers } from '../http/body-parsers';
import { createErrorHandler } from '../http/error-handler';
import { ExceptionHandlers } from '../http/exception-handlers';
import { createNotFoundHandler } from '../http/not-found-handler';
import { AppFrame } from '../lifecycle/app-frame';
import { disposerExit } from '../lifecycle/exit';
import { reflectMetadataLoaded } from '../metadata/design-types';
import { serveDocs } from '../openapi/serve-docs';
import type { AppOptions } from './app-options';
import { DeftApp } from './deft-app';
import { compileControllers } from './route-compiler';
import { lazySchemaCompilers } from './lazy-schema-compilers';
import { closeWithApp } from './app-shutdown';
import { registerRoutes } from './register-routes';
import { createRouteHandler } from './route-handler';
import { createWebSocketHandlers } from './websocket-handler';

/**
 * Builds an application: reads every controller's metadata, compiles and
 * validates every route's dependency graph (developer mistakes throw a
 * `DeftError` here, naming what to change), and registers the routes on a new
 * Fastify instance. Nothing reflective happens per request.
 */
export function createApp(options: AppOptions): DeftApp {
  if (!reflectMetadataLoaded()) {
    throw new DeftError('DEFT_ERR_REFLECT_METADATA_MISSING', "reflect-metadata is not loaded: add `import 'reflect-metadata';` as the first line of your entry point.");
  }
  const container = (options.container ?? rootContainer).createChildContainer();
  const frame = new AppFrame(container);
  // The first exit of the app frame, so the last to run: what the container itself made is disposed after everything else.
  frame.push(disposerExit('the app container', () => container.dispose()));
  const index = new NodeIndex();
  const routes = compileControllers(options.controllers as never, options.dependencies ?? [], {
    services: new AppServices(container, frame),
    keys: new CacheKeys(),
    index,
    responseClass: options.defaultResponseClass,
  });

  const fastify = Fastify({ exposeHeadRoutes: false, logger: { level: 'warn' }, ...lazySchemaCompilers(options.fastify), ...options.fastify });
  installBodyParsers(fastify);
  installRequestFrames(fastify, frame);
  closeWithApp(fastify, frame);

  const overrides = new DependencyOverrides(index);
  const handlers = new ExceptionHandlers();
  const renderError = createErrorHandler(handlers);
  fastify.setErrorHandler(renderError);
  const runtime = { app: frame, overrides, renderError };
  registerRoutes(
    fastify,
    routes,
    { http: (route) => createRouteHandler(route, runtime), websocket: (route) => createWebSocketHandlers(route, runtime) },
    frame,
    options.multipart,
  );
  const app = new DeftApp(fastify, container, routes, options, overrides, handlers);
  const docsRoutes = serveDocs(fastify, options, () => app.openapi());
  const apiRoutes = routes.map((r) => ({ method: r.method, fastifyPath: r.path.fastify }));
  fastify.setNotFoundHandler(createNotFoundHandler([...apiRoutes, ...docsRoutes]));
  return app;
}
