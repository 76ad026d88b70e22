import { defineDependency } from '@deft/core';
import { Database } from './database';
import type { Db } from './schema';

// #region transaction
/**
 * One transaction per request. Everything the request reads and writes goes
 * through it (repositories take it as their first argument); it commits when
 * the handler succeeds and rolls back when the handler, or anything after
 * this dependency, throws: Deft throws the error in at the `yield`.
 */
export const transaction = defineDependency({ database: Database }, async function* ({ database }) {
  const trx = await database.kysely.startTransaction().execute();
  try {
    const db: Db = trx;
    yield db;
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
  await trx.commit().execute();
});
// #endregion transaction
