import 'reflect-metadata';
import { createApp, type DeftApp } from '@deft/core';
import { CatalogController } from '../../scenarios/app-scoped/deft';
import { BodyController } from '../../scenarios/body/deft';
import { ChainController } from '../../scenarios/chain/deft';
import { HelloController } from '../../scenarios/hello/deft';
import { QueryController } from '../../scenarios/query/deft';
import { ShopRouter } from '../../scenarios/routers/deft';
import { SeedController } from '../../scenarios/seed/deft';

/**
 * Every scenario as one Deft app; with `middleware`, plus one HTTP middleware
 * as FastAPI's docs write it (the processing time in a header), to measure
 * what a middleware costs; with `defaultLogger`, on Deft's default logger.
 */
export function createDeftApp(options: { middleware?: boolean; defaultLogger?: boolean } = {}): DeftApp {
  const app = createApp({
    controllers: [HelloController, SeedController, ChainController, BodyController, QueryController, CatalogController],
    routers: [ShopRouter],
    // Hand-written Fastify's default is no logger; `defaultLogger` keeps Deft's own default instead.
    fastify: options.defaultLogger ? {} : { logger: false },
  });
  if (options.middleware) {
    app.middleware(async (_ctx, callNext) => {
      const started = performance.now();
      const response = await callNext();
      response.headers.set('x-process-time', String(performance.now() - started));
      return response;
    });
  }
  return app;
}
