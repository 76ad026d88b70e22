import { Command, Option } from 'commander';
import { devCommand } from '../commands/dev-command';
import { GENERATORS, generateCommand, type Generator } from '../commands/generate-command';
import { newCommand } from '../commands/new-command';
import { openapiCommand } from '../commands/openapi-command';
import { routesCommand } from '../commands/routes-command';
import { startCommand } from '../commands/start-command';
import { DOCUMENT_FORMATS, type DocumentFormat } from '../openapi/serialize-document';
import type { ModuleSystem, PackageManager } from '../scaffold/scaffold-options';
import { DEFT_VERSION } from '../scaffold/templates/versions';
import { addListenOptions, addNewOptions, addWorkersOption } from './options';

/** What `deft new` and `create-deft` receive from commander. */
export interface NewFlags {
  pm?: PackageManager;
  module?: ModuleSystem;
  database?: boolean;
  auth?: boolean;
  yes?: boolean;
}

export function newAction(cwd: string): (directory: string | undefined, flags: NewFlags) => Promise<void> {
  return (directory, flags) =>
    newCommand({ directory, packageManager: flags.pm, moduleSystem: flags.module, database: flags.database, auth: flags.auth, yes: flags.yes }, cwd);
}

/** The `deft` command. Each action resolves when a one-shot command is done; `dev` and `start` keep serving. */
export function deftProgram(cwd: string): Command {
  const program = new Command('deft')
    .description("Deft's command line: start a project, serve it with reload, run it in production, read its routes and OpenAPI document.")
    .version(DEFT_VERSION, '-v, --version')
    .showHelpAfterError('(run deft --help for the commands)');

  addNewOptions(program.command('new').description('create a project in a new folder')).action(newAction(cwd));

  addListenOptions(program.command('dev').description('build, serve and reload on every change (compile errors keep the last good server)'), '127.0.0.1').action(
    (flags: { port?: number; host?: string }) => devCommand(flags, cwd),
  );

  addWorkersOption(addListenOptions(program.command('start').description('serve the built app in production mode'), '0.0.0.0')).action(
    (flags: { port?: number; host?: string; workers?: number }) => startCommand(flags, cwd),
  );

  program
    .command('openapi')
    .description("write the app's OpenAPI document without listening on a port")
    .option('-o, --out <file>', 'the file to write (default: standard output)')
    .addOption(new Option('-f, --format <format>', 'json or yaml (default: from the --out extension, else json)').choices(DOCUMENT_FORMATS))
    .action((flags: { out?: string; format?: DocumentFormat }) => openapiCommand(flags, cwd));

  program
    .command('routes')
    .description('list the routes: method, path, handler, dependencies, security with scopes')
    .option('--json', 'the same as JSON')
    .action((flags: { json?: boolean }) => routesCommand(flags, cwd));

  program
    .command('generate')
    .alias('g')
    .description('add a controller, a CRUD resource or a dependency, each with a passing test (never overwrites a file)')
    .addArgument(program.createArgument('<kind>', 'what to generate').choices(GENERATORS))
    .argument('<name>', 'its name, such as users or user-profiles')
    .action((kind: Generator, name: string) => generateCommand(kind, name, cwd));

  return program;
}
