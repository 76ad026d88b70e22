import { databaseLocation } from '../src/db/database-location';
import { readSettings, SettingsError } from '../src/settings/load-settings';

const dataDir = '/srv/todo/data';
const secret = 'x'.repeat(32);

/** Each problem as the error's message lists it: the variable, what is wrong, and the value given. */
function problems(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    readSettings(env, { dataDir });
  } catch (error) {
    if (error instanceof SettingsError) return error.message.split('\n').slice(1).map((line) => line.replace(/^ {2}- /, ''));
    throw error;
  }
  throw new Error('expected a SettingsError');
}

describe('settings from the environment', () => {
  it('has defaults for a single demo instance: SQLite in the data folder, a random key, port 8000', () => {
    const settings = readSettings({}, { dataDir });
    expect(settings).toMatchObject({
      databaseUrl: '/srv/todo/data/todo.sqlite',
      jwtSecretGenerated: true,
      accessTokenExpireMinutes: 30,
      host: '127.0.0.1',
      port: 8000,
      seedDemoUser: true,
    });
    expect(settings.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(readSettings({}, { dataDir }).jwtSecret).not.toBe(settings.jwtSecret);
  });

  it('reads every variable', () => {
    const settings = readSettings(
      { DATABASE_URL: 'postgres://u:p@db/todo', JWT_SECRET: secret, ACCESS_TOKEN_EXPIRE_MINUTES: '5', HOST: '0.0.0.0', PORT: '9000', SEED_DEMO_USER: 'false' },
      { dataDir },
    );
    expect({ ...settings }).toEqual({
      databaseUrl: 'postgres://u:p@db/todo',
      jwtSecret: secret,
      jwtSecretGenerated: false,
      accessTokenExpireMinutes: 5,
      host: '0.0.0.0',
      port: 9000,
      seedDemoUser: false,
    });
  });

  it('reports every problem at once, by variable name, with the value given', () => {
    expect(problems({ PORT: '70000', ACCESS_TOKEN_EXPIRE_MINUTES: 'soon', JWT_SECRET: 'short', SEED_DEMO_USER: 'perhaps' })).toEqual([
      'JWT_SECRET: String should have at least 32 characters (got "short")',
      'ACCESS_TOKEN_EXPIRE_MINUTES: Input should be a valid integer, unable to parse string as an integer (got "soon")',
      'PORT: Input should be less than or equal to 65535 (got "70000")',
      'SEED_DEMO_USER: Input should be a valid boolean, unable to interpret input (got "perhaps")',
    ]);
  });

  it('requires JWT_SECRET with PostgreSQL, where several instances must share it', () => {
    expect(problems({ DATABASE_URL: 'postgresql://db/todo' })).toEqual([
      'JWT_SECRET: Field required with a PostgreSQL DATABASE_URL, so that every instance signs and verifies tokens with the same key',
    ]);
  });

  it('refuses a database it cannot use, with a message that says what it accepts', () => {
    const error = (() => {
      try {
        return readSettings({ DATABASE_URL: 'mysql://db/todo' }, { dataDir });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message).toBe(
      'DEFT_ERR_SETTINGS_INVALID: Settings cannot be read from the environment:\n  - DATABASE_URL: Value error, must be a postgres:// URL, a SQLite file path or :memory: (got "mysql://db/todo")',
    );
  });

  it.each([
    ['postgres://u@h:5432/d', { dialect: 'postgres', url: 'postgres://u@h:5432/d' }],
    [':memory:', { dialect: 'sqlite', filename: ':memory:' }],
    ['sqlite:./data/x.db', { dialect: 'sqlite', filename: './data/x.db' }],
    ['sqlite:///tmp/x.db', { dialect: 'sqlite', filename: '/tmp/x.db' }],
    ['/var/lib/todo.sqlite', { dialect: 'sqlite', filename: '/var/lib/todo.sqlite' }],
    ['sqlite:', 'names no SQLite file'],
  ])('reads DATABASE_URL %s', (url, expected) => {
    expect(databaseLocation(url)).toEqual(expected);
  });
});
