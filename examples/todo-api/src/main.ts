import 'reflect-metadata';
import { join } from 'node:path';
import { DeftError } from '@deft/core';
import { createTodoApp } from './app';
import { CommandLineError, environmentWithArguments, portInUseMessage } from './command-line';
import { readSettings } from './settings/load-settings';
import { startupBanner } from './startup-banner';

async function main(): Promise<void> {
  const settings = readSettings(environmentWithArguments(process.argv.slice(2), process.env), { dataDir: join(__dirname, '..', 'data'), envFile: '.env' });
  const { app, databaseDescription } = createTodoApp({ settings });
  const address = await app.listen({ host: settings.host, port: settings.port }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    await app.close();
    throw new CommandLineError(portInUseMessage(settings.host, settings.port));
  });
  // listen() started the app (opened the database) and closes it on SIGINT and SIGTERM.
  console.log(startupBanner(address, databaseDescription, settings));
}

main().catch((error: unknown) => {
  // A configuration mistake is the operator's to fix: show the message, not a stack trace.
  // (Deft's errors, SettingsError among them, say what to change; a failed start names what failed and why.)
  console.error(error instanceof DeftError || error instanceof CommandLineError ? error.message : error);
  process.exit(1);
});
