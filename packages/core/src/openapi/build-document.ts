import type { CompiledRoute } from '../app/compiled-route';
import { dtoSchema } from './dto-schema';
import { assignOperationIds } from './operation-ids';
import { buildOperation } from './operation';
import type { ComponentsObject, OpenApiDocument, PathItemObject, ServerObject, TagObject } from './openapi-types';
import { SchemaRegistry } from './schema-registry';

/** What the document says about the API itself. */
export interface DocumentInfo {
  readonly title: string;
  readonly version: string;
  readonly summary?: string;
  readonly description?: string;
  readonly servers?: readonly ServerObject[];
  /** Descriptions of the tags operations use, in the order the docs pages show them. */
  readonly tags?: readonly TagObject[];
}

/**
 * The OpenAPI 3.1.0 document of a set of compiled routes: a pure function of
 * the routes and `info`, deterministic (paths in route order, schemas sorted
 * by name, security schemes in first-seen order). Routes with
 * `includeInSchema: false` are left out, and so are WebSocket routes, which
 * OpenAPI cannot describe.
 */
export function buildOpenApiDocument(routes: readonly CompiledRoute[], info: DocumentInfo): OpenApiDocument {
  const documented = routes.filter((route) => route.options.includeInSchema !== false && !route.websocket);
  const operationIds = assignOperationIds(documented);
  const registry = new SchemaRegistry(dtoSchema);
  const securitySchemes = new Map<string, unknown>();
  const paths: Record<string, PathItemObject> = {};
  for (const route of documented) {
    const operation = buildOperation(route, { operationId: operationIds.get(route)!, registry, securitySchemes });
    const item = (paths[route.path.openapi] ??= {});
    item[route.method.toLowerCase() as keyof PathItemObject] = operation;
  }
  const components: ComponentsObject = {};
  if (registry.size > 0) components.schemas = registry.sorted();
  if (securitySchemes.size > 0) components.securitySchemes = Object.fromEntries(securitySchemes);
  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      ...(info.summary === undefined ? {} : { summary: info.summary }),
      ...(info.description === undefined ? {} : { description: info.description }),
    },
    ...(info.servers?.length ? { servers: structuredClone([...info.servers]) } : {}),
    paths,
    ...(Object.keys(components).length > 0 ? { components } : {}),
    ...(info.tags?.length ? { tags: structuredClone([...info.tags]) } : {}),
  };
}
