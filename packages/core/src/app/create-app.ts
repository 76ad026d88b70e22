import Fastify from 'fastify';
import { container as rootContainer } from 'tsyringe';
import { DependencyOverrides } from '../di/dependency-overrides';
import { DeftError } from '../errors/deft-error';
import { installBodyParsers } from '../http/body-parsers';
import { decodeEncodedSlashes } from '../http/encoded-slashes';
import { createErrorHandler } from '../http/error-handler';
import { ExceptionHandlers } from '../http/exception-handlers';
import { createNotFoundHandler } from '../http/not-found-handler';
import { reflectMetadataLoaded } from '../metadata/design-types';
import { serveDocs } from '../openapi/serve-docs';
import type { AppOptions } from './app-options';
import { DeftApp } from './deft-app';
import { compileControllers, compileDocumentedRoutes } from './route-compiler';
import { lazySchemaCompilers } from './lazy-schema-compilers';
import { registerRoutes } from './register-routes';
import { keepTickObjectShape } from './tick-object-shape';
import { createRouteHandler } from './route-handler';

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
  keepTickObjectShape();
  const container = (options.container ?? rootContainer).createChildContainer();
  const routes = compileControllers(options.controllers as never, options.dependencies ?? [], container);
  const webhooks = compileDocumentedRoutes((options.webhooks ?? []) as never, container);

  const fastify = Fastify({
    exposeHeadRoutes: false,
    logger: { level: 'warn' },
    rewriteUrl: decodeEncodedSlashes,
    ...lazySchemaCompilers(options.fastify),
    ...options.fastify,
  });
  installBodyParsers(fastify);

  const overrides = new DependencyOverrides();
  const handlers = new ExceptionHandlers();
  const renderError = createErrorHandler(handlers);
  fastify.setErrorHandler(renderError);
  registerRoutes(fastify, routes, (route) => createRouteHandler(route, container, overrides, renderError), options.multipart);
  const app = new DeftApp(fastify, container, routes, options, overrides, handlers, webhooks);
  const docsRoutes = serveDocs(fastify, options, () => app.openapi());
  const apiRoutes = routes.map((r) => ({ method: r.method, fastifyPath: r.path.fastify }));
  fastify.setNotFoundHandler(createNotFoundHandler([...apiRoutes, ...docsRoutes]));
  return app;
}
