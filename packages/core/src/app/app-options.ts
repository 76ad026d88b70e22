import type { FastifyServerOptions } from 'fastify';
import type { DependencyContainer } from 'tsyringe';
import type { DependencyEntry } from '../di/depends-marker';
import type { OpenApiAppOptions } from '../openapi/docs-options';
import type { ResponseClassRef } from '../metadata/records';

type ControllerClass = abstract new (...args: never[]) => unknown;

export interface MultipartLimits {
  /** Largest accepted file, in bytes (default 50 MiB). */
  fileSize?: number;
  files?: number;
  fields?: number;
  fieldSize?: number;
  parts?: number;
}

export interface AppOptions extends OpenApiAppOptions {
  controllers: readonly ControllerClass[];
  /** Dependencies run before every route; their values are discarded. */
  dependencies?: readonly DependencyEntry[];
  title?: string;
  version?: string;
  description?: string;
  /** Where the OpenAPI document is served (`null` disables it and the docs pages). Default `/openapi.json`. */
  openapiUrl?: string | null;
  /** Swagger UI (`null` disables). Default `/docs`. */
  docsUrl?: string | null;
  /** ReDoc (`null` disables). Default `/redoc`. */
  redocUrl?: string | null;
  /** The parent of the app's own child container (default: tsyringe's root container, which Deft never registers into). */
  container?: DependencyContainer;
  /** Options for the Fastify instance (logger, bodyLimit, trustProxy, ...). */
  fastify?: FastifyServerOptions;
  multipart?: MultipartLimits;
  /** The response class of routes that name none (FastAPI's `default_response_class`); default JSON. */
  defaultResponseClass?: ResponseClassRef;
}
