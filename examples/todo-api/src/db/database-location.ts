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

/** For the start-up banner: the SQLite file, or the PostgreSQL server without the password. */
export function describeLocation(location: DatabaseLocation): string {
  if (location.dialect === 'sqlite') return `SQLite ${location.filename}`;
  const url = new URL(location.url);
  url.password = url.password ? '***' : '';
  return `PostgreSQL ${url.toString()}`;
}
