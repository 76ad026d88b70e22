import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The PostgreSQL server the tests may use: `.ci/run` starts one on loopback
 * and sets this variable; without it (a developer machine without
 * PostgreSQL) the PostgreSQL runs are skipped, and say so.
 */
export const postgresServerUrl = process.env.DEFT_TEST_POSTGRES_URL;

/** A throwaway database on that server, for one suite. */
export class ScratchDatabase {
  private constructor(
    private readonly serverUrl: string,
    readonly name: string,
  ) {}

  static async create(serverUrl: string): Promise<ScratchDatabase> {
    const name = `todo_test_${randomBytes(6).toString('hex')}`;
    await ScratchDatabase.admin(serverUrl, `CREATE DATABASE ${name}`);
    return new ScratchDatabase(serverUrl, name);
  }

  private static async admin(serverUrl: string, statement: string): Promise<void> {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }

  get url(): string {
    const url = new URL(this.serverUrl);
    url.pathname = `/${this.name}`;
    return url.toString();
  }

  /** Ends every connection to this database, as an administrator (or a server restart) would. */
  terminateConnections(): Promise<void> {
    return ScratchDatabase.admin(this.serverUrl, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${this.name}'`);
  }

  drop(): Promise<void> {
    return ScratchDatabase.admin(this.serverUrl, `DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`);
  }
}
