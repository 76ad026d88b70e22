import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import validate from 'validate-npm-package-name';
import { CliError } from '../errors/cli-error';

/** Files a fresh folder may already hold (a `git init` before `deft new .`). */
const HARMLESS = new Set(['.git', '.DS_Store', 'Thumbs.db']);

/**
 * The package name for a project folder: its last segment, which must be a
 * valid npm package name, so that the project installs and publishes as is.
 */
export function projectName(directory: string): string {
  const name = basename(resolve(directory));
  const { validForNewPackages, errors = [], warnings = [] } = validate(name);
  if (!validForNewPackages) {
    const reasons = [...errors, ...warnings].join('; ');
    const suggestion = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|-+$/g, '') || 'my-app';
    throw new CliError(`"${name}" cannot be the project's name: ${reasons}. Use lower-case letters, digits and dashes, such as ${suggestion}.`);
  }
  return name;
}

/** Refuses a folder that has anything in it: `deft new` never overwrites a file. */
export function checkEmptyFolder(directory: string): void {
  if (!existsSync(directory)) return;
  if (!statSync(directory).isDirectory()) throw new CliError(`${directory} is a file, not a folder: choose another name for the project.`);
  const entries = readdirSync(directory).filter((entry) => !HARMLESS.has(entry));
  if (entries.length > 0) {
    const shown = entries.slice(0, 5).join(', ') + (entries.length > 5 ? `, and ${entries.length - 5} more` : '');
    throw new CliError(`${directory} is not empty (it has ${shown}): deft never writes over files. Choose a new folder name, or empty this one.`);
  }
}
