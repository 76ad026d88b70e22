import { injectable } from 'tsyringe';
import type { Selectable } from 'kysely';
import { Dialect } from '../db/dialect';
import type { Db, UserTable } from '../db/schema';
import type { User } from './user';

export interface NewUser {
  username: string;
  email: string;
  fullName: string | null;
  hashedPassword: string;
  scopes: readonly string[];
  createdAt: Date;
}

/** Thrown by `create` when the username or the email is taken. */
export class UserExistsError extends Error {
  constructor(readonly field: 'username' | 'email') {
    super(`That ${field} is already registered`);
  }
}

function toUser(row: Selectable<UserTable>): User {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    fullName: row.full_name,
    hashedPassword: row.hashed_password,
    scopes: row.scopes.split(' ').filter((s) => s !== ''),
    createdAt: new Date(row.created_at),
  };
}

/**
 * Accounts. A stateless service (an app singleton): every method takes the
 * request's transaction as its first argument.
 */
@injectable()
export class UserRepository {
  constructor(private readonly dialect: Dialect) {}

  async byId(db: Db, id: number): Promise<User | undefined> {
    const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  async byUsername(db: Db, username: string): Promise<User | undefined> {
    const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row && toUser(row);
  }

  async list(db: Db, page: { limit: number; offset: number }): Promise<User[]> {
    const rows = await db.selectFrom('users').selectAll().orderBy('id').limit(page.limit).offset(page.offset).execute();
    return rows.map(toUser);
  }

  // #region create
  /** Inserts an account; `UserExistsError` when the username or email is taken (checked first, then enforced by the unique indexes). */
  async create(db: Db, user: NewUser): Promise<User> {
    const taken = await db
      .selectFrom('users')
      .select(['username', 'email'])
      .where((eb) => eb.or([eb('username', '=', user.username), eb('email', '=', user.email)]))
      .executeTakeFirst();
    if (taken) throw new UserExistsError(taken.username === user.username ? 'username' : 'email');
    try {
      const row = await db
        .insertInto('users')
        .values({
          username: user.username,
          email: user.email,
          full_name: user.fullName,
          hashed_password: user.hashedPassword,
          scopes: user.scopes.join(' '),
          created_at: user.createdAt.toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toUser(row);
    } catch (error) {
      // Another request (maybe on another instance) took the name or email between the check and the insert.
      const violated = this.dialect.uniqueViolation(error);
      if (violated !== undefined) throw new UserExistsError(violated.includes('email') ? 'email' : 'username');
      throw error;
    }
  // #endregion create
  }
}
