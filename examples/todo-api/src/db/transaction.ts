import { defineDependency, Depends } from '@deft/core';
import type { ControlledTransaction } from 'kysely';
import { Database } from './database';
import type { Schema } from './schema';

/** The request's transaction: pass it to repositories (it is a `Db`); `commit()` makes writes durable. */
export type Tx = ControlledTransaction<Schema>;

// #region transaction
/**
 * One transaction per request: everything the request reads and writes goes
 * through it. The database is the app's (a container service), declared with
 * `Depends` so that a test can swap it through `dependencyOverrides`. When the handler (or anything after this dependency) throws,
 * Deft throws the error in at the `yield`: the transaction rolls back. When
 * the handler succeeds, whatever it left uncommitted is committed.
 *
 * Deft runs this teardown after the response has been sent, so a handler
 * that writes commits before it returns (`await tx.commit().execute()`):
 * the client is told "201 Created" only once the row is durable and every
 * instance can see it.
 */
export const transaction = defineDependency({ database: Depends(Database) }, async function* ({ database }) {
  const tx: Tx = await database.kysely.startTransaction().execute();
  try {
    yield tx;
  } catch (error) {
    if (!tx.isCommitted) await tx.rollback().execute();
    throw error;
  }
  if (!tx.isCommitted && !tx.isRolledBack) await tx.commit().execute();
});
// #endregion transaction
