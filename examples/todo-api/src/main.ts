import 'reflect-metadata';
import { join } from 'node:path';
import { createTodoApp } from './app';
import { CommandLineError, environmentWithArguments, portInUseMessage } from './command-line';
import { loadSettings, SettingsError } from './settings/load-settings';
import { startupBanner } from './startup-banner';

async function main(): Promise<void> {
  const settings = loadSettings(environmentWithArguments(process.argv.slice(2), process.env), { dataDir: join(__dirname, '..', 'data') });
  const { app, database } = await createTodoApp({ settings });
  const address = await app.listen({ host: settings.host, port: settings.port }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    await app.close();
    throw new CommandLineError(portInUseMessage(settings.host, settings.port));
  });
  console.log(startupBanner(address, database.description, settings));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  // A configuration mistake is the operator's to fix: show the message, not a stack trace.
  console.error(error instanceof SettingsError || error instanceof CommandLineError ? error.message : error);
  process.exit(1);
});
