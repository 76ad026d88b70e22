import 'reflect-metadata';
import { Body, Controller, createApp, HTTPException, Post } from '@deft/core';
import { TestClient } from '@deft/testing';
import { IsBoolean, IsString } from 'class-validator';
import { container as rootContainer } from 'tsyringe';
import { Database } from '../src/db/database';
import { migrate } from '../src/db/migrations';
import { UseTransaction, type Tx } from '../src/db/transaction';
import { postgresServerUrl, ScratchDatabase } from './support/postgres';
import { targets } from './support/test-app';

class Attempt {
  @IsString() username!: string;
  @IsBoolean() fail!: boolean;
}

/** A route that writes through the request's transaction, then succeeds or fails as told. */
@Controller()
class AttemptsController {
  @Post('/attempts')
  async attempt(@Body() body: Attempt, @UseTransaction tx: Tx) {
    await tx
      .insertInto('users')
      .values({ username: body.username, email: `${body.username}@example.com`, full_name: null, hashed_password: 'x', scopes: '', created_at: new Date().toISOString() })
      .execute();
    if (body.fail) throw new HTTPException(409, 'Changed my mind');
    return { ok: true };
  }
}

describe.each(targets)('the per-request transaction on $name', ({ dialect, available }) => {
  const run = available ? it : it.skip;
  let database: Database;
  let scratch: ScratchDatabase | undefined;
  let client: TestClient;
  beforeAll(async () => {
    if (!available) return;
    scratch = dialect === 'postgres' ? await ScratchDatabase.create(postgresServerUrl!) : undefined;
    database = Database.open(scratch ? { dialect: 'postgres', url: scratch.url } : { dialect: 'sqlite', filename: ':memory:' });
    await migrate(database);
    const container = rootContainer.createChildContainer();
    container.registerInstance(Database, database);
    client = new TestClient(createApp({ controllers: [AttemptsController], container }));
  });
  afterAll(async () => {
    await client?.app.close();
    await database?.close();
    await scratch?.drop();
  });

  const stored = async (username: string) => (await database.kysely.selectFrom('users').select('id').where('username', '=', username).execute()).length;

  run('has committed a successful handler\'s writes when the response arrives', async () => {
    expect((await client.post('/attempts', { json: { username: 'kept', fail: false } })).status).toBe(200);
    expect(await stored('kept')).toBe(1);
  });

  run('rolls back when the handler throws, and the error still answers', async () => {
    const res = await client.post('/attempts', { json: { username: 'undone', fail: true } });
    expect(res.status).toBe(409);
    expect(res.json()).toEqual({ detail: 'Changed my mind' });
    expect(await stored('undone')).toBe(0);
  });
});
