import { withOverrides } from '@deft/testing';
import { Database } from '../src/db/database';
import { openDatabase } from '../src/db/open-database';
import { migrate } from '../src/db/migrations';
import { TestApp } from './support/test-app';

describe('a database of its own for one test', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start('sqlite');
  });
  afterAll(() => t.close());

  // #region override
  it('swaps the app’s database for a fresh in-memory one through dependencyOverrides', async () => {
    const fresh = Database.open({ dialect: 'sqlite', filename: ':memory:' });
    await migrate(fresh); // the schema, but no demo account
    try {
      await withOverrides(t.app, [[openDatabase, () => fresh]], async () => {
        expect((await t.token('johndoe', 'secret')).status).toBe(400);
        await t.newUser('kate');
        expect((await t.client.get('/users/me', { headers: await t.login('kate', 'correct horse') })).status).toBe(200);
      });
      expect((await t.token('johndoe', 'secret')).status).toBe(200);
      expect((await t.token('kate', 'correct horse')).status).toBe(400);
    } finally {
      await fresh.close();
    }
  });
  // #endregion override
});
