import { scopes } from '../auth/scopes';
import type { Database } from '../db/database';
import { PasswordHasher } from '../users/password-hasher';

/** The account the start-up banner prints, with every scope, so `/docs` can be tried at once. */
export const demoUser = { username: 'johndoe', password: 'secret', email: 'johndoe@example.com', fullName: 'John Doe', scopes: Object.keys(scopes) };

// #region seed
/** Creates the demo account unless it exists (several instances may start at once: the insert does nothing on a conflict). */
export async function seedDemoUser(database: Database, hasher: PasswordHasher, now: Date): Promise<void> {
  const existing = await database.kysely.selectFrom('users').select('id').where('username', '=', demoUser.username).executeTakeFirst();
  if (existing) return;
  await database.kysely
    .insertInto('users')
    .values({
      username: demoUser.username,
      email: demoUser.email,
      full_name: demoUser.fullName,
      hashed_password: await hasher.hash(demoUser.password),
      scopes: demoUser.scopes.join(' '),
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
// #endregion seed
}
