import type { CompiledRoute } from '../app/compiled-route';
import { dtoSchema } from './dto-schema';
import { assignOperationIds } from './operation-ids';
import { buildOperation } from './operation';
import type { ComponentsObject, ContactObject, InfoObject, LicenseObject, OpenApiDocument, PathItemObject, ServerObject, TagObject } from './openapi-types';
import { SchemaRegistry } from './schema-registry';

/** What the document says about the API itself, and how it names what it documents. */
export interface DocumentInfo {
  readonly title: string;
  readonly version: string;
  readonly summary?: string;
  readonly description?: string;
  readonly termsOfService?: string;
  readonly contact?: ContactObject;
  readonly license?: LicenseObject;
  readonly servers?: readonly ServerObject[];
  /** Descriptions of the tags operations use, in the order the docs pages show them. */
  readonly tags?: readonly TagObject[];
  /** Documented-only routes for the top-level `webhooks`, each under its path. */
  readonly webhooks?: readonly CompiledRoute[];
  /** Makes the operationId of each route of `routes`; FastAPI's generated id by default. */
  readonly generateUniqueId?: (route: CompiledRoute) => string;
  /** `false` gives a DTO one schema even where its input and output differ. Default `true`. */
  readonly separateInputOutputSchemas?: boolean;
}

/** Everything building one document shares: the schemas and security schemes met so far. */
interface DocumentContext {
  readonly registry: SchemaRegistry;
  readonly securitySchemes: Map<string, unknown>;
}

/** Path items of `routes`, keyed by their documented paths, operation ids assigned in route order. */
function pathItems(routes: readonly CompiledRoute[], context: DocumentContext, generate?: (route: CompiledRoute) => string): Record<string, PathItemObject> {
  const documented = routes.filter((route) => route.options.includeInSchema !== false && !route.websocket);
  const operationIds = assignOperationIds(documented, generate);
  const paths: Record<string, PathItemObject> = {};
  for (const route of documented) {
    // Callbacks are named by their own routes' ids, as FastAPI names them (its callback routers have the default).
    const callbacks = callbackObjects(route.callbacks, context);
    const operation = buildOperation(route, { operationId: operationIds.get(route)!, ...context, callbacks });
    const item = (paths[route.path.openapi] ??= {});
    item[route.method.toLowerCase() as keyof PathItemObject] = operation;
  }
  return paths;
}

/** An operation's `callbacks`: one entry per callback handler, named by the method, holding its path item. */
function callbackObjects(routes: readonly CompiledRoute[], context: DocumentContext): Record<string, Record<string, PathItemObject>> | undefined {
  if (routes.length === 0) return undefined;
  const callbacks: Record<string, Record<string, PathItemObject>> = {};
  for (const route of routes) {
    const items = pathItems([route], context);
    const byPath = (callbacks[route.handlerName] ??= {});
    for (const [path, item] of Object.entries(items)) byPath[path] = { ...byPath[path], ...item };
  }
  return callbacks;
}

function infoObject(info: DocumentInfo): InfoObject {
  const optional = { summary: info.summary, description: info.description, termsOfService: info.termsOfService };
  return {
    title: info.title,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    ...(info.contact === undefined ? {} : { contact: structuredClone(info.contact) }),
    ...(info.license === undefined ? {} : { license: structuredClone(info.license) }),
    version: info.version,
  };
}

/**
 * The OpenAPI 3.1.0 document of a set of compiled routes: a pure function of
 * the routes and `info`, deterministic (paths in route order, schemas sorted
 * by name, security schemes in first-seen order). Routes with
 * `includeInSchema: false` are left out, and so are WebSocket routes, which
 * OpenAPI cannot describe.
 */
export function buildOpenApiDocument(routes: readonly CompiledRoute[], info: DocumentInfo): OpenApiDocument {
  const registry = new SchemaRegistry(dtoSchema, info.separateInputOutputSchemas ?? true);
  const context: DocumentContext = { registry, securitySchemes: new Map() };
  const paths = pathItems(routes, context, info.generateUniqueId);
  const webhooks = info.webhooks?.length ? pathItems(info.webhooks, context) : undefined;
  const components: ComponentsObject = {};
  if (registry.size > 0) components.schemas = registry.sorted();
  if (context.securitySchemes.size > 0) components.securitySchemes = Object.fromEntries(context.securitySchemes);
  return {
    openapi: '3.1.0',
    info: infoObject(info),
    ...(info.servers?.length ? { servers: structuredClone([...info.servers]) } : {}),
    paths,
    ...(webhooks ? { webhooks } : {}),
    ...(Object.keys(components).length > 0 ? { components } : {}),
    ...(info.tags?.length ? { tags: structuredClone([...info.tags]) } : {}),
  };
}
