import type { DependencyEntry } from '../metadata/depends-spec';
import type { IncludeOptions, ResponseSpec } from '../metadata/records';
import { joinPaths } from '../http/path-syntax';

/**
 * What every level above a route (the app, each router it is included
 * through, its controller) has contributed to it, outermost first, merged as
 * FastAPI merges `include_router` contexts.
 */
export interface RouteGroup {
  readonly prefix: string;
  readonly tags: readonly string[];
  readonly dependencies: readonly DependencyEntry[];
  readonly responses: Readonly<Record<string, ResponseSpec>>;
  readonly deprecated: boolean;
  readonly includeInSchema: boolean;
  /** The classes it was reached through, for messages: `AdminRouter > UsersRouter`. */
  readonly trail: readonly string[];
}

/** The app itself, with its own dependencies. */
export function appGroup(dependencies: readonly DependencyEntry[]): RouteGroup {
  return { prefix: '', tags: [], dependencies, responses: {}, deprecated: false, includeInSchema: true, trail: [] };
}

/** One level further in: `inner`'s prefix after `outer`'s, its tags and dependencies after `outer`'s, its responses over `outer`'s. */
export function nestGroup(outer: RouteGroup, inner: IncludeOptions, name?: string): RouteGroup {
  return {
    prefix: inner.prefix ? joinPaths(outer.prefix, inner.prefix).replace(/^\/$/, '') : outer.prefix,
    tags: inner.tags?.length ? [...outer.tags, ...inner.tags] : outer.tags,
    dependencies: inner.dependencies?.length ? [...outer.dependencies, ...inner.dependencies] : outer.dependencies,
    responses: inner.responses ? { ...outer.responses, ...inner.responses } : outer.responses,
    deprecated: outer.deprecated || inner.deprecated === true,
    includeInSchema: outer.includeInSchema && inner.includeInSchema !== false,
    trail: name === undefined ? outer.trail : [...outer.trail, name],
  };
}
