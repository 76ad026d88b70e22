import type { IncomingMessage } from 'node:http';

const ENCODED_SLASH = /%2f/gi;

/**
 * Fastify's `rewriteUrl`: decodes `%2F` in the path before routing, as
 * Starlette decodes the path before matching, so `/items/a%2Fb` is the
 * two-segment `/items/a/b` (a 404 for `/items/{item_id}`), never the one
 * segment `a/b`. The query string is left alone.
 */
export function decodeEncodedSlashes(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const query = url.indexOf('?');
  const path = query < 0 ? url : url.slice(0, query);
  if (!path.includes('%')) return url;
  return path.replace(ENCODED_SLASH, '/') + (query < 0 ? '' : url.slice(query));
}
