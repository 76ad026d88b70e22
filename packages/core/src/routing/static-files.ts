import type { FastifyStaticOptions } from '@fastify/static';

export const STATIC_FILES = Symbol('deft.staticFiles');

/** A folder to serve as files, for `app.mount(path, staticFiles({ root }))` (Starlette's `StaticFiles`). */
export interface StaticFiles {
  readonly [STATIC_FILES]: FastifyStaticOptions;
}

/**
 * The files under `root`, served by @fastify/static when mounted: content
 * types from their names, `ETag`/`Last-Modified`, ranges; never in the
 * OpenAPI document.
 */
export function staticFiles(options: FastifyStaticOptions): StaticFiles {
  return { [STATIC_FILES]: options };
}

export function isStaticFiles(value: unknown): value is StaticFiles {
  return typeof value === 'object' && value !== null && STATIC_FILES in value;
}
