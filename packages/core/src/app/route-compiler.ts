import type { DependencyContainer } from 'tsyringe';
import { buildNode, GraphCompiler } from '../di/graph-compiler';
import type { DependencyEntry } from '../di/depends-marker';
import { ensureService } from '../di/services';
import { DeftError } from '../errors/deft-error';
import { joinPaths, parseRoutePath, type RoutePath } from '../http/path-syntax';
import { getController, getRoutes } from '../metadata/metadata-store';
import type { RouteRecord } from '../metadata/records';
import type { RequestParamReader } from '../params/request-param-reader';
import { compileResponseWriter } from '../response/response-filter';
import type { CompiledRoute } from './compiled-route';

type ControllerClass = (abstract new (...args: never[]) => unknown) & { name: string; prototype: Record<string, unknown> };

/** A route only documented (a webhook, a callback): its path is kept as written and its handler never runs. */
function documentedPath(prefix: string, path: string): RoutePath {
  return { openapi: prefix === '' ? path : joinPaths(prefix, path), fastify: '', placeholders: [], keys: new Map() };
}

function checkBody(params: readonly RequestParamReader[], where: string, compiler: GraphCompiler): void {
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
  compiler.body.embedded = names.size > 1 || json.some((p) => p.spec.options.embed === true);
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

function compileRoute(
  cls: ControllerClass,
  instance: unknown,
  record: RouteRecord,
  inherited: { prefix: string; tags: readonly string[]; dependencies: readonly DependencyEntry[] },
  container: DependencyContainer,
  served = true,
): CompiledRoute {
  const openapiPath = served ? joinPaths(inherited.prefix, record.path) : documentedPath(inherited.prefix, record.path).openapi;
  const where = `${record.method} ${openapiPath} (${cls.name}.${record.propertyKey})`;
  const path = served ? parseRoutePath(openapiPath, where) : documentedPath(inherited.prefix, record.path);
  const compiler = new GraphCompiler(container, path.keys);
  const entries = [...inherited.dependencies, ...(record.options.dependencies ?? [])];
  const dependencySlots = entries.map((entry, index) => ({
    kind: 'dependency' as const,
    node: compiler.compileDependency(GraphCompiler.entrySpec(entry), undefined, [], `${where} dependencies[${index}]`),
  }));
  const handler = cls.prototype[record.propertyKey];
  if (typeof handler !== 'function') {
    throw new DeftError('DEFT_ERR_PARAM_OPTIONS_INVALID', `${where}: ${record.propertyKey} is not a method.`);
  }
  const handlerSlots = compiler.compileMember(cls, record.propertyKey, []);
  const skip = dependencySlots.length;
  const root = buildNode({
    key: handler,
    label: `${cls.name}.${record.propertyKey}()`,
    useCache: false,
    cacheSlot: -1, // the handler is never cached
    scopes: [],
    usesScopes: false,
    security: undefined,
    slots: [...dependencySlots, ...handlerSlots],
    invoke: skip === 0 ? (args) => handler.apply(instance, args) : (args) => handler.apply(instance, args.slice(skip)),
    disposesInstance: false,
    teardownScope: 'request',
  });
  const params = [...compiler.params];
  checkBody(params, where, compiler);
  if (served) checkPathParams(params, path.placeholders, where);
  const { responseModel } = record.options;
  return {
    method: record.method,
    path,
    controller: cls,
    handlerName: record.propertyKey,
    options: record.options,
    tags: [...inherited.tags, ...(record.options.tags ?? [])],
    root,
    dependencyCount: skip,
    compiler,
    params,
    readsBody: params.some((p) => p.spec.source === 'body' || p.spec.source === 'form' || p.spec.source === 'file'),
    statusCode: record.options.statusCode ?? 200,
    responseWriter: responseModel === undefined ? undefined : compileResponseWriter(responseModel, where),
    where,
    callbacks: compileDocumentedRoutes((record.options.callbacks ?? []) as readonly ControllerClass[], container),
  };
}

function controllerRecord(cls: ControllerClass, listedIn: string) {
  const meta = getController(cls);
  if (!meta) {
    throw new DeftError(
      'DEFT_ERR_CONTROLLER_NOT_DECORATED',
      `${cls?.name ?? String(cls)} is listed in ${listedIn} but has no @Controller() decorator: add @Controller() (or @Controller('/prefix')).`,
    );
  }
  return meta;
}

/**
 * Compiles the routes of classes that are only documented, never served:
 * webhooks and callbacks. Their graphs are checked as any route's (a
 * developer mistake fails here, at start-up); their paths are kept as
 * written, and their handlers never run.
 */
export function compileDocumentedRoutes(classes: readonly ControllerClass[], container: DependencyContainer): CompiledRoute[] {
  return classes.flatMap((cls) => {
    const meta = controllerRecord(cls, 'webhooks or callbacks');
    const inherited = { prefix: meta.prefix, tags: meta.options.tags ?? [], dependencies: meta.options.dependencies ?? [] };
    return getRoutes(cls).map((record) => compileRoute(cls, undefined, record, inherited, container, false));
  });
}

/**
 * Compiles every route of every controller, once: reads metadata, builds and
 * validates each route's dependency graph, and resolves controllers from the
 * container. Developer mistakes surface here as `DeftError`s.
 */
export function compileControllers(
  controllers: readonly ControllerClass[],
  appDependencies: readonly DependencyEntry[],
  container: DependencyContainer,
): CompiledRoute[] {
  const routes: CompiledRoute[] = [];
  const seen = new Map<string, string>();
  for (const cls of controllers) {
    const meta = controllerRecord(cls, 'controllers');
    ensureService(container, cls as never, `controller ${cls.name}`);
    const instance = container.resolve(cls as never);
    const inherited = {
      prefix: meta.prefix,
      tags: meta.options.tags ?? [],
      dependencies: [...appDependencies, ...(meta.options.dependencies ?? [])],
    };
    for (const record of getRoutes(cls)) {
      const route = compileRoute(cls, instance, record, inherited, container);
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
