// #region export
import { writeFileSync } from 'node:fs';
import type { DeftApp } from '@deft/core';
import { app } from './customise';

/** Writes the app's OpenAPI document to `path`, e.g. for a client generator in CI. */
export function exportOpenapi(target: DeftApp, path: string): void {
  writeFileSync(path, `${JSON.stringify(target.openapi(), null, 2)}\n`);
}

// `node dist/export-openapi.js openapi.json` writes the file without starting a server.
if (require.main === module) exportOpenapi(app, process.argv[2] ?? 'openapi.json');
// #endregion export
