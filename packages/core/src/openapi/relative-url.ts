/**
 * The URL of `target` relative to the page at `page` (both absolute paths), so
 * the docs pages keep working when a proxy serves the app under a prefix:
 * from `/docs`, `/openapi.json` is `openapi.json` and `/docs/assets/x.js` is
 * `docs/assets/x.js`.
 */
export function relativeUrl(page: string, target: string): string {
  const from = page.split('/').slice(1, -1);
  const to = target.split('/').slice(1);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join('/');
  const relative = '../'.repeat(up) + rest;
  // A first segment with a colon would read as a URL scheme.
  return relative === '' ? './' : up === 0 && /^[^/]*:/.test(relative) ? `./${relative}` : relative;
}

/** `base` + `/` + `name`, without doubled slashes. */
export function childPath(base: string, name: string): string {
  return `${base.replace(/\/+$/, '')}/${name}`;
}
