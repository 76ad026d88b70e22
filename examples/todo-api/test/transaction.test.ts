import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Body, Controller, createApp, HTTPException, Post } from '@deft/core';
import { TestClient } from '@deft/testing';
import { IsBoolean, IsString } from 'class-validator';
import { Database } from '../src/db/database';
import { openDatabase } from '../src/db/open-database';
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
  /** A second connection to the same database: what another instance of the app would see. */
  let other: Database;
  let scratch: ScratchDatabase | undefined;
  let folder: string | undefined;
  let client: TestClient;
  /** Whether another connection could see the row when the response was about to be sent, by username. */
  const visibleAtResponse = new Map<string, number>();
  beforeAll(async () => {
    if (!available) return;
    scratch = dialect === 'postgres' ? await ScratchDatabase.create(postgresServerUrl!) : undefined;
    folder = dialect === 'sqlite' ? mkdtempSync(join(tmpdir(), 'todo-tx-')) : undefined;
    const location = scratch ? { dialect: 'postgres' as const, url: scratch.url } : { dialect: 'sqlite' as const, filename: join(folder!, 'todo.db') };
    database = Database.open(location);
    await migrate(database);
    other = Database.open(location);
    const app = createApp({ controllers: [AttemptsController], fastify: { logger: false } });
    // The app's own database dependency opens the configured one; this test's app uses the one it prepared.
    app.dependencyOverrides.set(openDatabase, () => database);
    // Runs as the response is about to go out: the client has not been told anything yet.
    app.fastify.addHook('onSend', async (request, _reply, payload) => {
      const { username } = request.body as { username: string };
      visibleAtResponse.set(username, await storedIn(other, username));
      return payload;
    });
    client = new TestClient(app);
  });
  afterAll(async () => {
    await client?.app.close();
    await other?.close();
    await database?.close();
    await scratch?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const storedIn = async (db: Database, username: string) =>
    (await db.kysely.selectFrom('users').select('id').where('username', '=', username).execute()).length;

  run('has committed a successful handler\'s writes before the response is sent: another connection sees them', async () => {
    expect((await client.post('/attempts', { json: { username: 'kept', fail: false } })).status).toBe(200);
    expect(visibleAtResponse.get('kept')).toBe(1);
    expect(await storedIn(database, 'kept')).toBe(1);
  });

  run('rolls back when the handler throws, and the error still answers', async () => {
    const res = await client.post('/attempts', { json: { username: 'undone', fail: true } });
    expect(res.status).toBe(409);
    expect(res.json()).toEqual({ detail: 'Changed my mind' });
    expect(visibleAtResponse.get('undone')).toBe(0);
    expect(await storedIn(database, 'undone')).toBe(0);
  });
});
