import type { ColumnType, Generated, Kysely } from 'kysely';

/**
 * The tables as Kysely sees them. Booleans are `boolean` in PostgreSQL and
 * 0/1 in SQLite; timestamps are `timestamptz` (read as `Date`) in PostgreSQL
 * and ISO text in SQLite: both are written as the same values (see
 * `Database.bool`, ISO strings) and read through the repositories' mappers.
 */
export interface UserTable {
  id: Generated<number>;
  username: string;
  email: string;
  full_name: string | null;
  hashed_password: string;
  /** Space-separated, as in OAuth2's `scope`. */
  scopes: string;
  created_at: ColumnType<Date | string, string, never>;
}

export interface TodoTable {
  id: Generated<number>;
  owner_id: number;
  title: string;
  description: string | null;
  done: ColumnType<boolean | number, boolean | number, boolean | number>;
  created_at: ColumnType<Date | string, string, never>;
  updated_at: ColumnType<Date | string, string, string>;
}

export interface Schema {
  users: UserTable;
  todos: TodoTable;
}

/** What repositories query through: the database, or (per request) its transaction. */
export type Db = Kysely<Schema>;
