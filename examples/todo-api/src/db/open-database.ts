import { defineDependency, Depends } from '@deft/core';
import { seedDemoUser } from '../seed/demo-user';
import { Settings } from '../settings/settings';
import { PasswordHasher } from '../users/password-hasher';
import { Database } from './database';
import { databaseLocation } from './database-location';
import { migrate } from './migrations';

// #region open-database
/**
 * The app's database, app-scoped: opened when the app starts (before its
 * first request), brought up to date, seeded with the demo account, shared
 * by every request, and closed when the app closes, after the last request
 * and background task. A test swaps it through `dependencyOverrides`.
 */
export const openDatabase = defineDependency({ settings: Settings, hasher: PasswordHasher }, async function* openDatabase({ settings, hasher }) {
  const location = databaseLocation(settings.databaseUrl);
  if (typeof location === 'string') throw new Error(`DATABASE_URL ${location}`);
  const database = Database.open(location);
  try {
    await migrate(database);
    if (settings.seedDemoUser) await seedDemoUser(database, hasher, new Date());
    yield database;
  } finally {
    await database.close();
  }
});

export const UseDatabase = Depends(openDatabase, { scope: 'app' });
// #endregion open-database
