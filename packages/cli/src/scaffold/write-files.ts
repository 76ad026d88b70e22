import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CliError } from '../errors/cli-error';

/**
 * Writes files under `root`, never over an existing one: every path is
 * checked before the first is written, so a refusal leaves nothing behind.
 */
export function writeNewFiles(root: string, files: ReadonlyMap<string, string>, cwd: string): string[] {
  const existing = [...files.keys()].filter((path) => existsSync(join(root, path)));
  if (existing.length > 0) {
    throw new CliError(`Not written, these files already exist: ${existing.map((path) => relative(cwd, join(root, path))).join(', ')}. deft never overwrites a file: choose another name.`);
  }
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text, { flag: 'wx' });
  }
  return [...files.keys()];
}
