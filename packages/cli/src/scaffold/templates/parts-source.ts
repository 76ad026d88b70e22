export function oauth2SchemeTs(): string {
  return `import { OAuth2PasswordBearer } from '@deft/security';

/**
 * The bearer token from \`Authorization: Bearer ...\`, or 401 without one; it
 * documents itself, so /docs shows the Authorize button. Tokens are issued
 * at \`tokenUrl\`: add a \`POST /token\` route that takes
 * OAuth2PasswordRequestForm when you check passwords.
 */
export const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: 'token' });
`;
}

export function databaseTs(): string {
  return `import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';

/** Where the data lives: DATABASE_FILE, or data/app.sqlite; the tests use \`:memory:\`. */
export function databaseFile(): string {
  return process.env.DATABASE_FILE ?? 'data/app.sqlite';
}

/** Opens the SQLite database and creates its tables when they are missing. */
export function openDatabase(file = databaseFile()): Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.exec(\`CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    description TEXT,
    price REAL NOT NULL
  )\`);
  return db;
}
`;
}

export function setupEnvTs(): string {
  return `// Each test run starts from an empty database that lives in memory.
process.env.DATABASE_FILE = ':memory:';
`;
}

export function gitignore(options: { database: boolean }): string {
  return ['node_modules/', 'dist/', 'coverage/', '*.tsbuildinfo', '.env', ...(options.database ? ['data/'] : [])].join('\n') + '\n';
}
