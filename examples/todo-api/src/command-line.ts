import { parseArgs } from 'node:util';

/** A mistake on the demo's command line: printed as it is, without a stack trace. */
export class CommandLineError extends Error {}

/**
 * The demo's command line: `--port N` (or `-p N`) stands for `PORT=N`, as in
 * `npm run demo -- --port 8001`. Returns the environment the settings are read from.
 */
export function environmentWithArguments(args: readonly string[], env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  try {
    const { values } = parseArgs({ args: [...args], options: { port: { type: 'string', short: 'p' } }, strict: true, allowPositionals: false });
    return values.port === undefined ? env : { ...env, PORT: values.port };
  } catch (error) {
    throw new CommandLineError(`${(error as Error).message}. The demo takes --port N (npm run demo -- --port 8001).`);
  }
}

/** The one line for a port that another server holds. */
export function portInUseMessage(host: string, port: number): string {
  return `Port ${port} is already in use on ${host}: stop the server that holds it, or choose another port with --port ${port + 1} (npm run demo -- --port ${port + 1}) or PORT=${port + 1}.`;
}
