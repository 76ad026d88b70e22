import type { AppServices } from '../di/app-services';
import { compileArgsSolver } from '../di/generated-solver';
import { markSoleUses } from '../di/sole-uses';
import { buildNode } from '../di/build-node';
import type { CacheKeys } from '../di/cache-keys';
import type { CompileSite } from '../di/compile-site';
import { GraphCompiler, HANDLER } from '../di/graph-compiler';
import type { NodeIndex } from '../di/node-index';
import { DeftError } from '../errors/deft-error';
import { joinPaths, parseRoutePath, type RoutePath } from '../http/path-syntax';
import { getController, getRoutes } from '../metadata/metadata-store';
import type { ResponseClassRef, RouteOptions, RouteRecord } from '../metadata/records';
import type { MountedController } from '../routing/mount-controllers';
import { appGroup, nestGroup, type RouteGroup } from '../routing/route-group';
import type { RequestParamReader } from '../params/request-param-reader';
import type { DependencyNode, Invoke } from '../di/dependency-node';
import { BaseResponse } from '../response/base-response';
import { compileResponse } from '../response/compile-response';
import type { ResponseClass } from '../response/response-class';
import type { ModelOutputOptions } from '../response/model-output-options';
import type { CompiledRoute } from './compiled-route';

type ControllerClass = (abstract new (...args: never[]) => unknown) & { name: string; prototype: Record<string, unknown> };

/** What every route of one app is compiled with. */
export interface AppCompilation {
  readonly services: AppServices;
  readonly keys: CacheKeys;
  readonly index: NodeIndex;
  /** The app's `defaultResponseClass`. */
  readonly responseClass?: ResponseClassRef;
}

const GENERATOR_FUNCTIONS = new Set(['[object AsyncGeneratorFunction]', '[object GeneratorFunction]']);

function responseClassOf(given: ResponseClassRef | undefined, where: string): ResponseClass | undefined {
  if (given === undefined) return undefined;
  if (typeof given !== 'function' || !(given.prototype instanceof BaseResponse)) {
    throw new DeftError(
      'DEFT_ERR_RESPONSE_CLASS_INVALID',
      `${where}: responseClass must be a response class (HTMLResponse, PlainTextResponse, RedirectResponse, FileResponse, StreamingResponse, EventSourceResponse, JSONResponse, or a subclass of BaseResponse).`,
    );
  }
  return given as unknown as ResponseClass;
}

function outputOptions(options: RouteOptions): ModelOutputOptions {
  return {
    excludeUnset: options.responseModelExcludeUnset,
    excludeDefaults: options.responseModelExcludeDefaults,
    excludeNone: options.responseModelExcludeNone,
    include: options.responseModelInclude,
    exclude: options.responseModelExclude,
    byAlias: options.responseModelByAlias,
    validate: options.validateResponse,
  };
}

/** A route only documented (a webhook, a callback): its path is kept as written and its handler never runs. */
function documentedPath(prefix: string, path: string): RoutePath {
  return { openapi: prefix === '' ? path : joinPaths(prefix, path), fastify: '', placeholders: [], keys: new Map() };
}

/** Checks the route's body parameters and decides their layout: the whole body, or one key each (`true`). */
function bodyLayout(params: readonly RequestParamReader[], where: string): boolean {
  const json = params.filter((p) => p.spec.source === 'body');
  const form = params.filter((p) => p.spec.source === 'form' || p.spec.source === 'file');
  if (json.length > 0 && form.length > 0) {
    throw new DeftError(
      'DEFT_ERR_BODY_MIXED',
      `${where} reads a JSON @Body and form fields (@Form/@File): a request has one body, so use either JSON or a form.`,
    );
  }
  const names = new Set(json.map((p) => p.spec.name));
  if (names.size > 1 && names.has(undefined)) {
    throw new DeftError(
      'DEFT_ERR_BODY_UNNAMED',
      `${where} has ${names.size} body parameters and one is unnamed: name each (@Body('item'), @Body('user')) so each is read from its own key of the JSON body.`,
    );
  }
  return names.size > 1 || json.some((p) => p.spec.options.embed === true);
}

function checkPathParams(params: readonly RequestParamReader[], placeholders: readonly string[], where: string): void {
  const declared = new Set(params.filter((p) => p.spec.source === 'path').map((p) => p.spec.name ?? ''));
  for (const name of placeholders) {
    if (!declared.has(name)) {
      throw new DeftError(
        'DEFT_ERR_PATH_PARAM_MISSING',
        `${where}: the path has {${name}} but no parameter reads it: add @Path('${name}') to the handler (or to one of its dependencies).`,
      );
    }
  }
  for (const name of declared) {
    if (!placeholders.includes(name)) {
      throw new DeftError(
        'DEFT_ERR_PATH_PARAM_NOT_IN_PATH',
        `${where}: @Path('${name}') names a placeholder the path does not have: add {${name}} to the path, or read the value with @Query('${name}').`,
      );
    }
  }
}

/** What each kind of connection lacks: an HTTP request has no WebSocket; a WebSocket has no response to shape. */
const MISSING: Readonly<Record<string, { kinds: ReadonlySet<string>; says: string }>> = {
  http: { kinds: new Set(['websocket']), says: 'a WebSocketConnection, which only a @WebSocket route has' },
  websocket: { kinds: new Set(['context']), says: 'a RequestContext, which has the response of an HTTP route: a WebSocket route has none (take ConnectionContext for the request)' },
};

function checkConnection(root: DependencyNode, websocket: boolean, where: string): void {
  const { kinds, says } = MISSING[websocket ? 'websocket' : 'http']!;
  const seen = new Set<DependencyNode>();
  const visit = (node: DependencyNode): void => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const slot of node.slots) {
      if (kinds.has(slot.kind)) {
        throw new DeftError('DEFT_ERR_CONNECTION_MISMATCH', `${where}: ${node.label} takes ${says}.`);
      }
      if (slot.kind === 'dependency') visit(slot.node);
    }
  };
  visit(root);
}

/**
 * Calls the handler with its own arguments, which follow the route's
 * `dependencies` (resolved first, their values unused) in the resolved
 * arguments: for up to three of them without copying the array.
 */
function handlerCall(handler: (...args: unknown[]) => unknown, instance: unknown, skip: number, count: number): Invoke {
  if (skip === 0) return (args) => handler.apply(instance, args);
  switch (count) {
    case 0:
      return () => handler.call(instance);
    case 1:
      return (args) => handler.call(instance, args[skip]);
    case 2:
      return (args) => handler.call(instance, args[skip], args[skip + 1]);
    case 3:
      return (args) => handler.call(instance, args[skip], args[skip + 1], args[skip + 2]);
    default:
      return (args) => handler.apply(instance, args.slice(skip));
  }
}

function compileRoute(
  cls: ControllerClass,
  instance: unknown,
  record: RouteRecord,
  inherited: RouteGroup,
  app: AppCompilation,
  served = true,
): CompiledRoute {
  const openapiPath = served ? joinPaths(inherited.prefix, record.path) : documentedPath(inherited.prefix, record.path).openapi;
  const where = `${record.method} ${openapiPath} (${cls.name}.${record.propertyKey})`;
  const path = served ? parseRoutePath(openapiPath, where) : documentedPath(inherited.prefix, record.path);
  const site: CompileSite = { services: app.services, keys: app.keys, pathKeys: path.keys, body: { embedded: false } };
  const compiler = new GraphCompiler(site, app.index);
  const entries = [...inherited.dependencies, ...(record.options.dependencies ?? [])];
  const dependencySlots = entries.map((entry, index) => ({
    kind: 'dependency' as const,
    node: compiler.compileDependency(GraphCompiler.entrySpec(entry), undefined, HANDLER, `${where} dependencies[${index}]`),
  }));
  const handler = cls.prototype[record.propertyKey];
  if (typeof handler !== 'function') {
    throw new DeftError('DEFT_ERR_PARAM_OPTIONS_INVALID', `${where}: ${record.propertyKey} is not a method.`);
  }
  const handlerSlots = compiler.compileMember(cls, record.propertyKey, HANDLER);
  const skip = dependencySlots.length;
  const root = buildNode({
    key: handler,
    label: `${cls.name}.${record.propertyKey}()`,
    useCache: false,
    cacheKey: Object.freeze({ label: where }), // the handler is never cached
    scopes: [],
    usesScopes: false,
    security: undefined,
    slots: [...dependencySlots, ...handlerSlots],
    invoke: handlerCall(handler as (...args: unknown[]) => unknown, instance, skip, handlerSlots.length),
    disposesInstance: false,
    declaredScope: undefined,
    computedScope: undefined,
    scope: 'request',
    site,
  });
  checkConnection(root, record.websocket === true, where);
  markSoleUses(root);
  const params = [...compiler.params];
  site.body.embedded = bodyLayout(params, where);
  if (served) checkPathParams(params, path.placeholders, where);
  const response = compileResponse(responseClassOf(record.options.responseClass ?? app.responseClass, where), {
    statusCode: record.options.statusCode,
    responseModel: record.options.responseModel,
    output: outputOptions(record.options),
    streams: GENERATOR_FUNCTIONS.has(Object.prototype.toString.call(handler)),
    where,
  });
  // The route's own options, merged with every level above it as FastAPI merges them.
  // Object.assign, not a spread followed by fields: V8 takes a slow path for each of those (microseconds a route at start-up).
  const options: RouteOptions = Object.assign({}, record.options, {
    responses: Object.assign({}, inherited.responses, record.options.responses),
    deprecated: inherited.deprecated || record.options.deprecated === true,
    includeInSchema: inherited.includeInSchema && record.options.includeInSchema !== false,
  });
  return {
    method: record.method,
    path,
    controller: cls,
    handlerName: record.propertyKey,
    options,
    tags: [...inherited.tags, ...(record.options.tags ?? [])],
    root,
    solveArgs: compileArgsSolver(root),
    dependencyCount: skip,
    params,
    readsBody: params.some((p) => p.spec.source === 'body' || p.spec.source === 'form' || p.spec.source === 'file'),
    bodyEmbedded: site.body.embedded,
    statusCode: response.statusCode,
    response,
    websocket: record.websocket === true,
    where,
    callbacks: compileDocumentedRoutes(record.options.callbacks ?? [], app),
  };
}

/**
 * Compiles the routes of classes that are only documented, never served:
 * webhooks and callbacks. Their graphs are checked as any route's (a
 * developer mistake fails here, at start-up); their paths are kept as
 * written, and their handlers never run.
 */
export function compileDocumentedRoutes(classes: readonly (abstract new (...args: never[]) => unknown)[], app: AppCompilation): CompiledRoute[] {
  return classes.flatMap((target) => {
    const cls = target as ControllerClass;
    const meta = getController(cls);
    if (!meta) {
      throw new DeftError(
        'DEFT_ERR_CONTROLLER_NOT_DECORATED',
        `${cls?.name ?? String(cls)} is listed in webhooks or callbacks but has no @Controller() decorator: add @Controller() (or @Controller('/prefix')).`,
      );
    }
    const group = nestGroup(appGroup([]), { prefix: meta.prefix, ...meta.options });
    return getRoutes(cls).map((record) => compileRoute(cls, undefined, record, group, app, false));
  });
}

/**
 * Compiles every route of every mounted controller, once: reads metadata,
 * builds and validates each route's dependency graph, and resolves
 * controllers from the container (one instance per class, however often it
 * is included). Developer mistakes surface here as `DeftError`s.
 */
export function compileControllers(mounted: readonly MountedController[], app: AppCompilation): CompiledRoute[] {
  const routes: CompiledRoute[] = [];
  const seen = new Map<string, string>();
  const instances = new Map<unknown, unknown>();
  for (const { controller, group } of mounted) {
    const cls = controller as ControllerClass;
    if (!instances.has(cls)) {
      app.services.ensure(cls as never, `controller ${cls.name}`);
      instances.set(cls, app.services.container.resolve(cls as never));
    }
    for (const record of getRoutes(cls)) {
      const route = compileRoute(cls, instances.get(cls), record, group, app);
      const key = `${route.method} ${route.path.fastify.replace(/:\w+/g, ':')}`;
      const previous = seen.get(key);
      if (previous) {
        throw new DeftError('DEFT_ERR_ROUTE_DUPLICATE', `${route.where} has the same method and path as ${previous}: change one of the paths or methods.`);
      }
      seen.set(key, route.where);
      routes.push(route);
    }
  }
  return routes;
}
