import 'reflect-metadata';
import type { DeftApp } from '@deft/core';
import { TestClient, type TestResponse } from '@deft/testing';
import { container as rootContainer } from 'tsyringe';
import { createTodoApp } from '../../src/app';
import { AuditLog } from '../../src/audit/audit-log';
import { currentTime } from '../../src/clock/current-time';
import { readSettings } from '../../src/settings/load-settings';
import { postgresServerUrl, ScratchDatabase } from './postgres';

/** Keeps the audit lines instead of printing them, each with how many responses had been sent when it was written. */
export class RecordingAuditLog extends AuditLog {
  readonly lines: Record<string, unknown>[] = [];
  /** For each line, the count of responses finished before it was written. */
  readonly writtenAfter: number[] = [];
  /** Counted by an `onResponse` hook of the app (`countResponses`). */
  responsesSent = 0;

  /** Counts the app's finished responses (call before the app starts). */
  countResponses(app: DeftApp): this {
    app.fastify.addHook('onResponse', async () => {
      this.responsesSent++;
    });
    return this;
  }

  protected override write(line: string): void {
    this.lines.push(JSON.parse(line) as Record<string, unknown>);
    this.writtenAfter.push(this.responsesSent);
  }
}

export const JWT_SECRET = 'a test secret that is long enough for HS256';

/** The databases every suite runs against: SQLite in memory always, PostgreSQL when a server is given. */
export const targets = [
  { name: 'SQLite (in memory)', dialect: 'sqlite' as const, available: true },
  { name: 'PostgreSQL', dialect: 'postgres' as const, available: postgresServerUrl !== undefined },
];

export type Dialect = (typeof targets)[number]['dialect'];

/** One app on a fresh database, with a client and the recorded audit log. */
export class TestApp {
  readonly client: TestClient;
  // #region clock
  /** The app's clock (`currentTime` is overridden): set it to move time. */
  now = new Date('2030-01-01T00:00:00Z');

  private constructor(
    readonly app: DeftApp,
    readonly audit: RecordingAuditLog,
    private readonly scratch: ScratchDatabase | undefined,
  ) {
    this.client = new TestClient(app);
    app.dependencyOverrides.set(currentTime, () => this.now);
  }
  // #endregion clock

  /** Moves the clock forward. */
  advance(seconds: number): void {
    this.now = new Date(this.now.getTime() + seconds * 1000);
  }

  // #region start
  /** Starts an app (and so its database) on a fresh database: SQLite in memory, or a scratch PostgreSQL database unless `env.DATABASE_URL` names one. */
  static async start(dialect: Dialect, env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
    const scratch = dialect === 'postgres' && !env.DATABASE_URL ? await ScratchDatabase.create(postgresServerUrl!) : undefined;
    const settings = readSettings({ DATABASE_URL: scratch?.url ?? ':memory:', JWT_SECRET, ...env }, { dataDir: '/nonexistent' });
    const audit = new RecordingAuditLog();
    const container = rootContainer.createChildContainer();
    container.registerInstance(AuditLog, audit);
    const { app } = createTodoApp({ settings, container });
    audit.countResponses(app);
    const t = new TestApp(app, audit, scratch);
    await t.client.start(); // opens, migrates and seeds the database
    return t;
  }
  // #endregion start

  async close(): Promise<void> {
    await this.app.close();
    await this.scratch?.drop();
  }

  /** `POST /auth/token` with the password form. */
  token(username: string, password: string, scope?: string): Promise<TestResponse> {
    return this.client.post('/auth/token', { form: { username, password, ...(scope === undefined ? {} : { scope }) } });
  }

  /** Logs in and returns the `Authorization` header to send. */
  async login(username = 'johndoe', password = 'secret', scope?: string): Promise<{ authorization: string }> {
    const response = await this.token(username, password, scope);
    if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status} ${response.text}`);
    return { authorization: `Bearer ${response.json<{ access_token: string }>().access_token}` };
  }

  /** Registers an account (todos:read and todos:write) and logs in as it. */
  async newUser(username: string, scope?: string): Promise<{ authorization: string }> {
    const response = await this.client.post('/auth/register', { json: { username, email: `${username}@example.com`, password: 'correct horse' } });
    if (response.status !== 201) throw new Error(`register ${username} failed: ${response.status} ${response.text}`);
    return this.login(username, 'correct horse', scope);
  }
}
