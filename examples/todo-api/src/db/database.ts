import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool } from 'pg';
import { describeLocation, type DatabaseLocation } from './database-location';
import type { Schema } from './schema';

/**
 * The app's connection (SQLite) or pool (PostgreSQL). One per app: an
 * app-scoped dependency (`UseDatabase`) opens it when the app starts and
 * closes it when the app closes.
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
      const pool = new Pool({ connectionString: location.url, max: 10 });
      // An idle connection can fail (the server restarts, an administrator ends it): the pool drops it and
      // connects again when needed. Without a listener, pg's 'error' event would end the process.
      pool.on('error', (error) => {
        if (!pool.ending) console.warn(`PostgreSQL: an idle connection failed and was dropped: ${error.message}`);
      });
      return new Database(new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }), 'postgres', describeLocation(location));
    }
    const { filename } = location;
    if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
    const connection = new SQLite(filename);
    connection.pragma('journal_mode = WAL');
    connection.pragma('foreign_keys = ON');
    return new Database(new Kysely<Schema>({ dialect: new SqliteDialect({ database: connection }) }), 'sqlite', describeLocation(location));
  }

  close(): Promise<void> {
    return this.kysely.destroy();
  }
}
