import { DeftError } from '../errors/deft-error';

/** A route path in OpenAPI syntax, translated once for Fastify's router. */
export interface RoutePath {
  /** As documented: `/items/{item_id}`. */
  readonly openapi: string;
  /** For Fastify: `/items/:item_id(.+)` (a `{name:path}` placeholder becomes the wildcard `*`). */
  readonly fastify: string;
  /** Placeholder names in order. */
  readonly placeholders: readonly string[];
  /** Placeholders Fastify names differently (`{file_path:path}` → `*`). */
  readonly keys: ReadonlyMap<string, string>;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Joins a controller prefix and a route path as FastAPI joins a router prefix and a path. */
export function joinPaths(prefix: string, path: string): string {
  const head = prefix === '' || prefix === '/' ? '' : `/${prefix.replace(/^\/+|\/+$/g, '')}`;
  const tail = path === '' ? '' : path.startsWith('/') ? path : `/${path}`;
  return head + tail || '/';
}

export function parseRoutePath(openapi: string, where: string): RoutePath {
  const placeholders: string[] = [];
  const keys = new Map<string, string>();
  let fastify = '';
  let last = 0;
  for (const match of openapi.matchAll(PLACEHOLDER)) {
    const [whole, inner = ''] = match;
    const [name = '', converter] = inner.split(':');
    if (!NAME.test(name) || (converter !== undefined && converter !== 'path')) {
      throw new DeftError(
        'DEFT_ERR_PATH_INVALID',
        `${where}: "{${inner}}" in ${openapi} is not a valid placeholder; use {name} with letters, digits and underscores, or {name:path} for the rest of the path.`,
      );
    }
    if (placeholders.includes(name)) {
      throw new DeftError('DEFT_ERR_PATH_INVALID', `${where}: placeholder {${name}} appears twice in ${openapi}.`);
    }
    placeholders.push(name);
    // A literal ':' is escaped for Fastify's router as '::'.
    fastify += openapi.slice(last, match.index).replace(/:/g, '::');
    if (converter === 'path') {
      if (match.index + whole.length !== openapi.length) {
        throw new DeftError('DEFT_ERR_PATH_INVALID', `${where}: {${inner}} must end the path ${openapi}.`);
      }
      keys.set(name, '*');
      fastify += '*';
    } else {
      // Fastify's router lets a parameter match an empty segment (`/items/` for
      // `/items/:id`); FastAPI's `{name}` needs at least one character.
      fastify += `:${name}(.+)`;
    }
    last = match.index + whole.length;
  }
  fastify += openapi.slice(last).replace(/:/g, '::');
  if (/[{}]/.test(openapi.replace(PLACEHOLDER, ''))) {
    throw new DeftError('DEFT_ERR_PATH_INVALID', `${where}: unbalanced braces in ${openapi}.`);
  }
  return { openapi: openapi.replace(/\{([^{}:]*):path\}/g, '{$1}'), fastify, placeholders, keys };
}
