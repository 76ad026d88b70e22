import { createApp, type AppOptions, type OpenApiDocument, type OperationObject } from '@deft/core';

type ControllerClass = NonNullable<AppOptions['controllers']>[number];

/** The OpenAPI document of an app of these controllers. */
export function documentOf(...controllers: ControllerClass[]): OpenApiDocument {
  return createApp({ controllers, fastify: { logger: false } }).openapi();
}

/** The document of an app built with these options. */
export function documentWith(options: AppOptions): OpenApiDocument {
  return createApp({ fastify: { logger: false }, ...options }).openapi();
}

/** One operation of a document (fails the test when it is absent). */
export function operationOf(document: OpenApiDocument, path: string, method: string): OperationObject {
  const operation = document.paths[path]?.[method as 'get'];
  if (!operation) throw new Error(`no ${method} ${path} in ${Object.keys(document.paths).join(', ')}`);
  return operation;
}

/** A security scheme stand-in: a dependable carrying its OpenAPI entry, as @deft/security's schemes do. */
export function fakeScheme(name: string, definition: Record<string, unknown> = { type: 'http', scheme: 'bearer' }) {
  return { resolve: () => 'credentials', securityScheme: { name, definition } };
}
