import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** This CLI's version: the Deft packages are released together, so a new project asks for the same. */
export const DEFT_VERSION = (JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

/** The ranges a new project depends on (those the repository builds and tests with). */
export const VERSIONS = {
  deft: `^${DEFT_VERSION}`,
  betterSqlite3: '^12.11.1',
  classTransformer: '^0.5.1',
  classValidator: '^0.15.1',
  reflectMetadata: '^0.2.2',
  jest: '^30.5.0',
  tsJest: '^29.4.15',
  typesBetterSqlite3: '^7.6.13',
  typesJest: '^30.0.0',
  typesNode: '^20.19.0',
  typescript: '~5.9.3',
} as const;
