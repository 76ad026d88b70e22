import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { loadSettings, SettingsError } from '@deft/core/settings';
import type { ValidationErrorItem } from '@deft/core';
import { databaseLocation } from '../db/database-location';
import { Settings } from './settings';

export { SettingsError };

/** What the variables say together, which no single setting can check. */
function crossChecks(env: NodeJS.ProcessEnv): ValidationErrorItem[] {
  const problems: ValidationErrorItem[] = [];
  const url = env.DATABASE_URL;
  const location = url ? databaseLocation(url) : undefined;
  if (typeof location === 'string') {
    problems.push({ type: 'value_error', loc: ['DATABASE_URL'], msg: `Value error, ${location}`, input: url });
  } else if (location?.dialect === 'postgres' && !env.JWT_SECRET) {
    problems.push({
      type: 'missing',
      loc: ['JWT_SECRET'],
      msg: 'Field required with a PostgreSQL DATABASE_URL, so that every instance signs and verifies tokens with the same key',
      input: null,
    });
  }
  return problems;
}

/**
 * Reads and checks the settings, reporting every problem at once. Without
 * `DATABASE_URL` the app keeps a SQLite file in `dataDir`; without
 * `JWT_SECRET` it signs tokens with a random key that lives as long as the
 * process, which a single demo instance can afford but several instances
 * sharing PostgreSQL cannot, so that combination is refused.
 */
export function readSettings(env: NodeJS.ProcessEnv, options: { dataDir: string; envFile?: string | null }): Settings {
  let settings: Settings | undefined;
  let problems: ValidationErrorItem[] = [];
  try {
    settings = loadSettings(Settings, { env, envFile: options.envFile ?? null });
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    problems = [...error.problems];
  }
  problems.push(...crossChecks(env));
  if (problems.length > 0 || !settings) throw new SettingsError(Settings, problems);
  settings.databaseUrl ||= join(options.dataDir, 'todo.sqlite');
  settings.jwtSecretGenerated = settings.jwtSecret === '';
  settings.jwtSecret ||= randomBytes(32).toString('base64url');
  return settings;
}
