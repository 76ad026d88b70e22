import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { validateSync } from 'class-validator';
import { databaseLocation } from '../db/database-location';
import { Settings } from './settings';

/** The environment variable behind each setting. */
const variables: Record<Exclude<keyof Settings, 'jwtSecretGenerated'>, string> = {
  databaseUrl: 'DATABASE_URL',
  jwtSecret: 'JWT_SECRET',
  accessTokenExpireMinutes: 'ACCESS_TOKEN_EXPIRE_MINUTES',
  host: 'HOST',
  port: 'PORT',
  seedDemoUser: 'SEED_DEMO_USER',
};

/** Every problem with the environment, in one error, so a misconfigured deployment is fixed in one go. */
export class SettingsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid settings (read from the environment at start-up):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'SettingsError';
  }
}

/** `'42'` → 42; anything else (`'4.2'`, `'x'`) → NaN, which validation reports with the raw text. */
function integer(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  return /^\d+$/.test(text.trim()) ? Number(text) : NaN;
}

function flag(text: string | undefined, fallback: boolean): boolean | string {
  if (text === undefined || text === '') return fallback;
  const lower = text.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(lower)) return true;
  if (['0', 'false', 'no', 'off'].includes(lower)) return false;
  return text;
}

/**
 * Reads and validates the settings. Without `DATABASE_URL` the app keeps a
 * SQLite file in `dataDir`; without `JWT_SECRET` it signs tokens with a random
 * key that lives as long as the process, which a single demo instance can
 * afford but several instances sharing PostgreSQL cannot, so that combination
 * is refused.
 */
export function loadSettings(env: NodeJS.ProcessEnv, options: { dataDir: string }): Settings {
  const settings = Object.assign(new Settings(), {
    databaseUrl: env.DATABASE_URL || join(options.dataDir, 'todo.sqlite'),
    jwtSecret: env.JWT_SECRET || randomBytes(32).toString('base64url'),
    jwtSecretGenerated: !env.JWT_SECRET,
    accessTokenExpireMinutes: integer(env.ACCESS_TOKEN_EXPIRE_MINUTES, 30),
    host: env.HOST || '127.0.0.1',
    port: integer(env.PORT, 8000),
    seedDemoUser: flag(env.SEED_DEMO_USER, true),
  });
  const problems = validateSync(settings).map((error) => {
    const name = variables[error.property as keyof typeof variables] ?? error.property;
    const { isInt, isBoolean, ...bounds } = error.constraints ?? {};
    // A value of the wrong type fails its bounds too: say only what matters.
    const messages = (isInt ?? isBoolean ? [isInt ?? isBoolean!] : Object.values(bounds)).map((m) => m.replace(new RegExp(`^${error.property} `), ''));
    const given = env[name] === undefined ? 'unset' : `got ${JSON.stringify(env[name])}`;
    return `${name}: ${messages.join('; ')} (${given})`;
  });
  const location = databaseLocation(settings.databaseUrl);
  if (typeof location === 'string') problems.push(`DATABASE_URL: ${location} (got ${JSON.stringify(settings.databaseUrl)})`);
  else if (location.dialect === 'postgres' && settings.jwtSecretGenerated) {
    problems.push('JWT_SECRET: is required with a PostgreSQL DATABASE_URL, so that every instance signs and verifies tokens with the same key (unset)');
  }
  if (problems.length > 0) throw new SettingsError(problems);
  return settings;
}
