import { InvalidArgumentError, Option, type Command } from 'commander';
import { CliError } from '../errors/cli-error';
import { parsePort } from '../serve/listen-address';
import { MODULE_SYSTEMS, PACKAGE_MANAGERS } from '../scaffold/scaffold-options';

/** commander reports a bad option value with its own usage line; our messages say what to give. */
function commanderParser<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (error) {
      if (error instanceof CliError) throw new InvalidArgumentError(error.message);
      throw error;
    }
  };
}

function workerCount(value: string): number {
  const workers = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(workers >= 1 && workers <= 256)) throw new CliError(`"${value}" is not a number of workers: give a whole number from 1 to 256, such as 2.`);
  return workers;
}

export function addListenOptions(command: Command, defaultHost: string): Command {
  return command
    .option('-p, --port <port>', 'the port to listen on (default: PORT, else 8000)', commanderParser((value) => parsePort(value, '--port')))
    .option('--host <host>', `the address to listen on (default: HOST, else ${defaultHost})`);
}

export function addWorkersOption(command: Command): Command {
  return command.option('-w, --workers <count>', "run this many processes on Node's cluster module, sharing the port; a worker that dies is replaced", commanderParser(workerCount));
}

/** The questions of `deft new` and `npm create deft`, as flags. */
export function addNewOptions(command: Command): Command {
  return command
    .argument('[directory]', 'the folder to create (its name is the package name)')
    .addOption(new Option('--pm <manager>', 'the package manager the project uses').choices(PACKAGE_MANAGERS))
    .addOption(new Option('--module <system>', 'CommonJS or ES modules ("type": "module")').choices(MODULE_SYSTEMS))
    .option('--database', 'keep the items in SQLite (better-sqlite3)')
    .option('--no-database', 'keep the items in memory (default)')
    .option('--auth', 'protect the items routes with an OAuth2 bearer token (default)')
    .option('--no-auth', 'no @deft/security')
    .option('-y, --yes', 'take the defaults for everything not given, without questions');
}
