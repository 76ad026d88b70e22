import { isInclusion } from '../decorators/include';
import { DeftError } from '../errors/deft-error';
import type { DependencyEntry } from '../metadata/depends-spec';
import { getController, getRouter } from '../metadata/metadata-store';
import type { IncludeOptions, RouteGroupEntry } from '../metadata/records';
import { appGroup, nestGroup, type RouteGroup } from './route-group';

type AnyClass = abstract new (...args: never[]) => unknown;

/** A controller at one place of the app's router tree, with everything above it merged. */
export interface MountedController {
  readonly controller: AnyClass;
  readonly group: RouteGroup;
}

function unpack(entry: RouteGroupEntry): { target: AnyClass; options: IncludeOptions } {
  return isInclusion(entry) ? { target: entry.target, options: entry.options } : { target: entry, options: {} };
}

function nameOf(target: unknown): string {
  return typeof target === 'function' ? target.name || 'an anonymous class' : String(target);
}

/**
 * Flattens the app's tree of routers into its controllers, each with the
 * merged options of every level above it, in declaration order (a router's
 * controllers, then its routers). A controller or router may be included
 * more than once (under different prefixes); a router that includes itself,
 * directly or not, is a start-up error.
 */
export function mountControllers(
  controllers: readonly RouteGroupEntry[],
  routers: readonly RouteGroupEntry[],
  appDependencies: readonly DependencyEntry[],
): MountedController[] {
  const mounted: MountedController[] = [];
  const visiting: AnyClass[] = [];

  const addController = (entry: RouteGroupEntry, outer: RouteGroup): void => {
    const { target, options } = unpack(entry);
    const meta = getController(target);
    if (!meta) {
      const hint = getRouter(target) ? `; it is a @Router(): list it in routers instead` : ": add @Controller() (or @Controller('/prefix'))";
      const where = outer.trail.length > 0 ? ` of ${outer.trail.join(' > ')}` : '';
      throw new DeftError('DEFT_ERR_CONTROLLER_NOT_DECORATED', `${nameOf(target)} is listed in controllers${where} but has no @Controller() decorator${hint}.`);
    }
    const included = nestGroup(outer, options);
    mounted.push({ controller: target, group: nestGroup(included, { prefix: meta.prefix, ...meta.options }) });
  };

  const addRouter = (entry: RouteGroupEntry, outer: RouteGroup): void => {
    const { target, options } = unpack(entry);
    const meta = getRouter(target);
    if (!meta) {
      const hint = getController(target) ? '; it is a @Controller(): list it in controllers instead' : ': add @Router({ ... })';
      throw new DeftError('DEFT_ERR_ROUTER_NOT_DECORATED', `${nameOf(target)} is listed in routers but has no @Router() decorator${hint}.`);
    }
    if (visiting.includes(target)) {
      const cycle = [...visiting.slice(visiting.indexOf(target)), target].map(nameOf).join(' > ');
      throw new DeftError('DEFT_ERR_ROUTER_CYCLE', `Routers include each other in a cycle: ${cycle}. A router can be included in several places, but not inside itself.`);
    }
    visiting.push(target);
    const group = nestGroup(nestGroup(outer, options), meta.options, nameOf(target));
    for (const child of meta.options.controllers ?? []) addController(child, group);
    for (const child of meta.options.routers ?? []) addRouter(child, group);
    visiting.pop();
  };

  const root = appGroup(appDependencies);
  for (const entry of controllers) addController(entry, root);
  for (const entry of routers) addRouter(entry, root);
  return mounted;
}
