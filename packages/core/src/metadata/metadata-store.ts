import type { ControllerRecord, ParamRecord, RouteRecord, RouterRecord } from './records';

/**
 * Deft's own decorator metadata, kept in WeakMaps keyed by class. Decorators
 * only write here; `createApp` reads once at start-up. (TypeScript's
 * `design:*` types are read through reflect-metadata in `design-types.ts`.)
 */
const controllers = new WeakMap<object, ControllerRecord>();
const routers = new WeakMap<object, RouterRecord>();
const routes = new WeakMap<object, RouteRecord[]>();
/** class → member (`CONSTRUCTOR` for the constructor) → parameter index → record */
const params = new WeakMap<object, Map<string | symbol, Map<number, ParamRecord[]>>>();

export const CONSTRUCTOR = Symbol('constructor');

export function setController(cls: object, record: ControllerRecord): void {
  controllers.set(cls, record);
}

export function getController(cls: object): ControllerRecord | undefined {
  return controllers.get(cls);
}

export function setRouter(cls: object, record: RouterRecord): void {
  routers.set(cls, record);
}

export function getRouter(cls: object): RouterRecord | undefined {
  return routers.get(cls);
}

export function addRoute(cls: object, record: RouteRecord): void {
  const list = routes.get(cls) ?? [];
  list.push(record);
  routes.set(cls, list);
}

/** Routes declared on the class and its ancestors, ancestors first. */
export function getRoutes(cls: object): RouteRecord[] {
  const chain: object[] = [];
  for (let c: object | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) chain.unshift(c);
  return chain.flatMap((c) => routes.get(c) ?? []);
}

export function addParam(cls: object, member: string | symbol, index: number, record: ParamRecord): void {
  let members = params.get(cls);
  if (!members) params.set(cls, (members = new Map()));
  let byIndex = members.get(member);
  if (!byIndex) members.set(member, (byIndex = new Map()));
  const list = byIndex.get(index) ?? [];
  list.push(record);
  byIndex.set(index, list);
}

/** Records of one member's parameters, exactly as declared on `cls` (no inheritance). */
export function getOwnParams(cls: object, member: string | symbol): ReadonlyMap<number, ParamRecord[]> | undefined {
  return params.get(cls)?.get(member);
}
