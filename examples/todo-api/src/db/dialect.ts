import { sql, type Expression, type SqlBool } from 'kysely';
import type { DatabaseLocation } from './database-location';

/**
 * The few things that differ between SQLite and PostgreSQL, known from the
 * settings before any connection is open: a service of the app's container,
 * so repositories take it in their constructors.
 */
export class Dialect {
  constructor(readonly name: DatabaseLocation['dialect']) {}

  /** A boolean as this dialect stores it. */
  bool(value: boolean): boolean | number {
    return this.name === 'postgres' ? value : value ? 1 : 0;
  }

  /** `haystack` contains `needle`, ignoring case, with no LIKE wildcards to escape. */
  contains(haystack: Expression<string>, needle: string): Expression<SqlBool> {
    const find = this.name === 'postgres' ? sql.raw('strpos') : sql.raw('instr');
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
}
