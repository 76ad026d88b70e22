/** Where the data lives, parsed from `DATABASE_URL`. */
export type DatabaseLocation = { readonly dialect: 'sqlite'; readonly filename: string } | { readonly dialect: 'postgres'; readonly url: string };

/**
 * `postgres://...` / `postgresql://...` → PostgreSQL; `:memory:`, a path, or
 * `sqlite:<path>` → SQLite. Returns a message for anything else (`mysql://`).
 */
export function databaseLocation(url: string): DatabaseLocation | string {
  if (/^postgres(ql)?:\/\//i.test(url)) return { dialect: 'postgres', url };
  const filename = url.replace(/^sqlite:(\/\/)?/i, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(filename)) return 'must be a postgres:// URL, a SQLite file path or :memory:';
  if (filename === '') return 'names no SQLite file';
  return { dialect: 'sqlite', filename };
}
