import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import type { Database } from './database';

/**
 * The schema's history, oldest first. Each migration runs once per database
 * (Kysely records them in `kysely_migration` and takes a lock, so instances
 * starting together against one PostgreSQL database do not race). Never edit
 * a migration that has shipped: add the next one.
 */
function migrations(database: Database): Record<string, Migration> {
  const postgres = database.dialect === 'postgres';
  const timestamp = postgres ? 'timestamptz' : 'text';
  const boolean = postgres ? 'boolean' : 'integer';
  return {
    '0001_users': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('users')
          .addColumn('id', 'integer', (c) => (postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
          .addColumn('username', 'varchar(32)', (c) => c.notNull().unique())
          .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
          .addColumn('full_name', 'varchar(100)')
          .addColumn('hashed_password', 'varchar(200)', (c) => c.notNull())
          .addColumn('scopes', 'varchar(200)', (c) => c.notNull())
          .addColumn('created_at', timestamp, (c) => c.notNull())
          .execute();
      },
    },
    '0002_todos': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('todos')
          .addColumn('id', 'integer', (c) => (postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
          .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('title', 'varchar(200)', (c) => c.notNull())
          .addColumn('description', 'varchar(2000)')
          .addColumn('done', boolean, (c) => c.notNull().defaultTo(postgres ? sql`false` : 0))
          .addColumn('created_at', timestamp, (c) => c.notNull())
          .addColumn('updated_at', timestamp, (c) => c.notNull())
          .execute();
        await db.schema.createIndex('todos_owner_id_id').on('todos').columns(['owner_id', 'id']).execute();
      },
    },
  };
}

// #region migrate
/** Brings the schema up to date; returns the names of the migrations it ran. */
export async function migrate(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.kysely, provider: { getMigrations: async () => migrations(database) } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw new Error(`Database migration failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
// #endregion migrate
}
