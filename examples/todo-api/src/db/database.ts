import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, SqliteDialect, type Expression, type SqlBool } from 'kysely';
import { Pool } from 'pg';
import type { DatabaseLocation } from './database-location';
import type { Schema } from './schema';

/**
 * The app's connection (SQLite) or pool (PostgreSQL), and the few things
 * that differ between the two dialects. One instance per app, registered in
 * its container.
 */
export class Database {
  constructor(
    readonly kysely: Kysely<Schema>,
    readonly dialect: DatabaseLocation['dialect'],
    /** For the start-up banner: the file, or the server without the password. */
    readonly description: string,
  ) {}

  static open(location: DatabaseLocation): Database {
    if (location.dialect === 'postgres') {
      const url = new URL(location.url);
      url.password = url.password ? '***' : '';
      const pool = new Pool({ connectionString: location.url, max: 10 });
      // An idle connection can fail (the server restarts, an administrator ends it): the pool drops it and
      // connects again when needed. Without a listener, pg's 'error' event would end the process.
      pool.on('error', (error) => {
        if (!pool.ending) console.warn(`PostgreSQL: an idle connection failed and was dropped: ${error.message}`);
      });
      return new Database(new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }), 'postgres', `PostgreSQL ${url.toString()}`);
    }
    const { filename } = location;
    if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
    const connection = new SQLite(filename);
    connection.pragma('journal_mode = WAL');
    connection.pragma('foreign_keys = ON');
    return new Database(new Kysely<Schema>({ dialect: new SqliteDialect({ database: connection }) }), 'sqlite', `SQLite ${filename}`);
  }

  /** A boolean as this dialect stores it. */
  bool(value: boolean): boolean | number {
    return this.dialect === 'postgres' ? value : value ? 1 : 0;
  }

  /** `haystack` contains `needle`, ignoring case, with no LIKE wildcards to escape. */
  contains(haystack: Expression<string>, needle: string): Expression<SqlBool> {
    const find = this.dialect === 'postgres' ? sql.raw('strpos') : sql.raw('instr');
    return sql<SqlBool>`${find}(lower(${haystack}), lower(${needle})) > 0`;
  }

  /**
   * When a unique constraint refused a write: the text naming it (PostgreSQL's
   * constraint name, SQLite's message: both name the column); otherwise `undefined`.
   */
  uniqueViolation(error: unknown): string | undefined {
    const { code, constraint, message } = (error ?? {}) as { code?: unknown; constraint?: unknown; message?: unknown };
    if (code === '23505') return String(constraint);
    if (code === 'SQLITE_CONSTRAINT_UNIQUE') return String(message);
    return undefined;
  }

  close(): Promise<void> {
    return this.kysely.destroy();
  }
}
