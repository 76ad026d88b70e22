import { defineDependency, Depends } from '@deft/core';
import type { ControlledTransaction } from 'kysely';
import { UseDatabase } from './open-database';
import type { Schema } from './schema';

/** The request's transaction: pass it to repositories (it is a `Db`). */
export type Tx = ControlledTransaction<Schema>;

// #region transaction
/**
 * One transaction per request: everything the request reads and writes goes
 * through it, on the app's database (the app-scoped `UseDatabase`). When the
 * handler (or anything after this dependency) throws, Deft throws the error in
 * at the `yield`: the transaction rolls back. When the handler succeeds, it
 * commits.
 */
export const transaction = defineDependency({ database: UseDatabase }, async function* ({ database }) {
  const tx: Tx = await database.kysely.startTransaction().execute();
  try {
    yield tx;
  } catch (error) {
    await tx.rollback().execute();
    throw error;
  }
  await tx.commit().execute();
});

/**
 * How handlers and dependencies ask for the transaction. `scope: 'function'`
 * ends it right after the handler, before the response: the client is told
 * "201 Created" only once the row is committed and every instance can see it.
 */
export const UseTransaction = Depends(transaction, { scope: 'function' });
// #endregion transaction
