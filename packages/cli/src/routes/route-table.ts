import type { CompiledRoute, DeftApp, OpenApiDocument, SecurityRequirement } from '@deft/core';

type PathItemObject = NonNullable<OpenApiDocument['paths'][string]>;

/** One line of `deft routes`. */
export interface RouteRow {
  readonly method: string;
  readonly path: string;
  /** `ItemsController.readItems` */
  readonly handler: string;
  /** The handler's direct dependencies (route, controller and app `dependencies` first), by name. */
  readonly dependencies: readonly string[];
  /** The operation's security requirements: `OAuth2PasswordBearer[items:read]`. */
  readonly security: readonly string[];
}

function directDependencies(route: CompiledRoute): string[] {
  const names: string[] = [];
  for (const slot of route.root.slots) {
    if (slot.kind === 'dependency' && !names.includes(slot.node.label)) names.push(slot.node.label);
  }
  return names;
}

function requirements(document: OpenApiDocument, route: CompiledRoute): string[] {
  const method = route.method.toLowerCase() as keyof PathItemObject;
  const security: SecurityRequirement[] = document.paths[route.path.openapi]?.[method]?.security ?? [];
  return security.flatMap((requirement) => Object.entries(requirement).map(([name, scopes]) => (scopes.length > 0 ? `${name}[${scopes.join(' ')}]` : name)));
}

/** The app's routes in registration order, as its compiled routes and its OpenAPI document describe them. */
export function routeTable(app: DeftApp): RouteRow[] {
  const document = app.openapi();
  return app.routes.map((route) => ({
    method: route.method,
    path: route.path.openapi,
    handler: `${route.controller.name}.${route.handlerName}`,
    dependencies: directDependencies(route),
    security: requirements(document, route),
  }));
}
