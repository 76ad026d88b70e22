import 'reflect-metadata';
import { Body, Controller, createApp, Depends, HTTPException, Post } from '@deft/core';
import { TestClient } from '@deft/testing';
import { IsBoolean, IsString } from 'class-validator';
import { container as rootContainer } from 'tsyringe';
import { Database } from '../src/db/database';
import { migrate } from '../src/db/migrations';
import { transaction, type Tx } from '../src/db/transaction';
import { postgresServerUrl, ScratchDatabase } from './support/postgres';
import { targets } from './support/test-app';

class Attempt {
  @IsString() username!: string;
  @IsBoolean() fail!: boolean;
  @IsBoolean() commit!: boolean;
}

/** A route that writes through the request's transaction, then succeeds or fails as told. */
@Controller()
class AttemptsController {
  @Post('/attempts')
  async attempt(@Body() body: Attempt, @Depends(transaction) tx: Tx) {
    await tx
      .insertInto('users')
      .values({ username: body.username, email: `${body.username}@example.com`, full_name: null, hashed_password: 'x', scopes: '', created_at: new Date().toISOString() })
      .execute();
    if (body.commit) await tx.commit().execute();
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
  /** Teardown runs after the response: wait for it before looking at the database. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  run('commits what a successful handler left uncommitted', async () => {
    expect((await client.post('/attempts', { json: { username: 'kept', fail: false, commit: false } })).status).toBe(200);
    await settle();
    expect(await stored('kept')).toBe(1);
  });

  run('rolls back when the handler throws, and the error still answers', async () => {
    const res = await client.post('/attempts', { json: { username: 'undone', fail: true, commit: false } });
    expect(res.status).toBe(409);
    expect(res.json()).toEqual({ detail: 'Changed my mind' });
    await settle();
    expect(await stored('undone')).toBe(0);
  });

  run('keeps what the handler committed before it answered, with no wait', async () => {
    expect((await client.post('/attempts', { json: { username: 'durable', fail: false, commit: true } })).status).toBe(200);
    expect(await stored('durable')).toBe(1);
    expect((await client.post('/attempts', { json: { username: 'durable2', fail: true, commit: true } })).status).toBe(409);
    expect(await stored('durable2')).toBe(1);
  });
});
