import type { Option } from '@clack/prompts' with { 'resolution-mode': 'import' };
import { CliError } from '../errors/cli-error';
import type { ModuleSystem, PackageManager, ScaffoldOptions } from './scaffold-options';

/** What the user gave on the command line; the questions ask for the rest. */
export type GivenChoices = Partial<Pick<ScaffoldOptions, 'packageManager' | 'moduleSystem' | 'database' | 'auth'>> & { directory?: string };

export type Choices = Required<GivenChoices>;

/**
 * Asks, in a terminal, for every choice not given as a flag, starting from
 * the defaults. @clack/prompts is an ES module, so it loads on first use.
 */
export async function askChoices(given: GivenChoices, defaults: Omit<Choices, 'directory'>, validateDirectory: (directory: string) => string | undefined): Promise<Choices> {
  const prompts = await import('@clack/prompts');
  // Every prompt answers its value, or clack's cancel symbol on Ctrl+C.
  const answer = <T>(value: T): Exclude<T, symbol> => {
    if (typeof value === 'symbol') {
      prompts.cancel('Nothing was written.');
      throw new CliError('Cancelled.', 130);
    }
    return value as Exclude<T, symbol>;
  };
  prompts.intro('Create a Deft app');
  const directory =
    given.directory ??
    answer(await prompts.text({ message: 'Project folder', placeholder: 'my-app', defaultValue: 'my-app', validate: (value) => validateDirectory(value || 'my-app') }));
  const choose = async <T extends string>(message: string, initialValue: T, options: Option<T>[]): Promise<T> =>
    answer(await prompts.select<T>({ message, initialValue, options }));
  const packageManager = given.packageManager ?? (await choose<PackageManager>('Package manager', defaults.packageManager, [{ value: 'npm' }, { value: 'pnpm' }, { value: 'yarn' }]));
  const moduleSystem =
    given.moduleSystem ??
    (await choose<ModuleSystem>('Module system', defaults.moduleSystem, [
      { value: 'commonjs', label: 'CommonJS', hint: "npm's default" },
      { value: 'esm', label: 'ES modules', hint: '"type": "module", module nodenext' },
    ]));
  const auth = given.auth ?? answer(await prompts.confirm({ message: 'Protect the items routes with an OAuth2 bearer token (@deft/security)?', initialValue: defaults.auth }));
  const database = given.database ?? answer(await prompts.confirm({ message: 'Keep the items in a SQLite database (better-sqlite3)?', initialValue: defaults.database }));
  return { directory, packageManager, moduleSystem, auth, database };
}
