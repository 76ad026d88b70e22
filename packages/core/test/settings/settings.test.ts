import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, createApp, DeftError, Depends, Get, Int } from '@deft/core';
import { loadSettings, Setting, SettingsError } from '@deft/core/settings';
import { TestClient } from '@deft/testing';

class AppSettings {
  @Setting('DATABASE_URL') databaseUrl = 'sqlite://data/app.sqlite';
  @Setting('PORT', { type: Int, ge: 1, le: 65535 }) port = 8000;
  @Setting('DEBUG') debug = false;
  @Setting('JWT_SECRET', { minLength: 16 }) jwtSecret!: string;
  @Setting('ALLOWED_ORIGINS', { type: [String] }) allowedOrigins: string[] = [];
  @Setting('LOG_LEVEL', { enum: ['debug', 'info', 'warn'] }) logLevel = 'info';
}

describe('settings from the environment (@deft/core/settings)', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'deft-settings-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('reads the environment over the .env file over the defaults, converting each as a query parameter of its type', () => {
    const envFile = join(folder, '.env');
    writeFileSync(envFile, 'PORT=9000\nDEBUG=yes\nJWT_SECRET="from the file, long enough"\nLOG_LEVEL=warn\n');
    const settings = loadSettings(AppSettings, { env: { PORT: '8080', ALLOWED_ORIGINS: '["https://a.example", "https://b.example"]' }, envFile });
    expect(settings).toBeInstanceOf(AppSettings);
    expect({ ...settings }).toEqual({
      databaseUrl: 'sqlite://data/app.sqlite',
      port: 8080,
      debug: true,
      jwtSecret: 'from the file, long enough',
      allowedOrigins: ['https://a.example', 'https://b.example'],
      logLevel: 'warn',
    });
  });

  it('reports every problem at once, at the variable, with the messages of a 422', () => {
    let error: unknown;
    try {
      loadSettings(AppSettings, { env: { PORT: '70000', DEBUG: 'sometimes', LOG_LEVEL: 'trace' }, envFile: null });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(SettingsError);
    expect(error).toBeInstanceOf(DeftError);
    const problems = (error as SettingsError).problems.map(({ type, loc }) => [type, loc]);
    expect(problems).toEqual([
      ['less_than_equal', ['PORT']],
      ['bool_parsing', ['DEBUG']],
      ['missing', ['JWT_SECRET']],
      ['enum', ['LOG_LEVEL']],
    ]);
    expect((error as SettingsError).code).toBe('DEFT_ERR_SETTINGS_INVALID');
    expect((error as SettingsError).message).toContain('  - PORT: Input should be less than or equal to 65535 (got "70000")');
    expect((error as SettingsError).message).toContain('  - JWT_SECRET: Field required');
  });

  it('is an app-scoped dependency: made when the app starts (so a bad environment fails the start), and overridable in tests', async () => {
    let env: NodeJS.ProcessEnv = { JWT_SECRET: 'x' };
    const getSettings = () => loadSettings(AppSettings, { env, envFile: null });
    const UseSettings = Depends(getSettings, { scope: 'app' });
    @Controller()
    class C {
      @Get('/port')
      port(@UseSettings settings: AppSettings) {
        return { port: settings.port };
      }
    }
    const failing = createApp({ controllers: [C], fastify: { logger: false } });
    const error = await failing.ready().then(() => undefined, (thrown: unknown) => thrown);
    expect((error as DeftError).code).toBe('DEFT_ERR_STARTUP_FAILED');
    expect((error as DeftError).cause).toBeInstanceOf(SettingsError);

    env = { JWT_SECRET: 'a secret that is long enough', PORT: '9001' };
    const app = createApp({ controllers: [C], fastify: { logger: false } });
    expect((await new TestClient(app).get('/port')).json()).toEqual({ port: 9001 });
    await app.close();

    const tested = createApp({ controllers: [C], fastify: { logger: false } });
    tested.dependencyOverrides.set(getSettings, () => Object.assign(new AppSettings(), { port: 1234 }));
    expect((await new TestClient(tested).get('/port')).json()).toEqual({ port: 1234 });
    await tested.close();
  });
});
