import { relative, resolve } from 'node:path';
import pc from 'picocolors';
import { CliError } from '../errors/cli-error';
import { askChoices, type GivenChoices } from '../scaffold/ask-options';
import { projectFiles } from '../scaffold/project-files';
import { checkEmptyFolder, projectName } from '../scaffold/project-name';
import { defaultChoices, installCommand, runScript, type ScaffoldOptions } from '../scaffold/scaffold-options';
import { writeNewFiles } from '../scaffold/write-files';

export interface NewOptions extends GivenChoices {
  /** Take the defaults for everything not given, without questions. */
  readonly yes?: boolean;
}

/** The message for a folder that cannot hold a new project, or undefined when it can. */
function folderProblem(directory: string, cwd: string): string | undefined {
  try {
    projectName(resolve(cwd, directory));
    checkEmptyFolder(resolve(cwd, directory));
    return undefined;
  } catch (error) {
    if (error instanceof CliError) return error.message;
    throw error;
  }
}

/**
 * `deft new [folder]` and `npm create deft [folder]`: a complete project in a
 * new (or empty) folder. Without a terminal, or with --yes, no question is
 * asked and the defaults fill what the flags leave open.
 */
export async function newCommand(options: NewOptions, cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const defaults = defaultChoices(env);
  const interactive = options.yes !== true && process.stdin.isTTY === true && process.stdout.isTTY === true;
  if (options.directory !== undefined) {
    const problem = folderProblem(options.directory, cwd);
    if (problem) throw new CliError(problem);
  }
  const choices = interactive
    ? await askChoices(options, defaults, (directory) => folderProblem(directory, cwd))
    : { ...defaults, directory: 'my-app', ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) };
  const directory = resolve(cwd, choices.directory);
  const scaffold: ScaffoldOptions = {
    directory,
    name: projectName(directory),
    packageManager: choices.packageManager,
    moduleSystem: choices.moduleSystem,
    database: choices.database,
    auth: choices.auth,
  };
  checkEmptyFolder(directory);
  const written = writeNewFiles(directory, projectFiles(scaffold), cwd);
  const where = relative(cwd, directory) || '.';
  const pm = scaffold.packageManager;
  console.log(`${pc.green('Created')} ${scaffold.name} in ${where} (${written.length} files; ${scaffold.moduleSystem === 'esm' ? 'ES modules' : 'CommonJS'}${scaffold.auth ? ', OAuth2 bearer' : ''}${scaffold.database ? ', SQLite' : ''}).`);
  console.log('\nNext:');
  if (where !== '.') console.log(`  cd ${where}`);
  console.log(`  ${installCommand(pm)}`);
  console.log(`  ${runScript(pm, 'dev')}     # then open http://127.0.0.1:8000/docs`);
  console.log(`  ${runScript(pm, 'test')}`);
}
