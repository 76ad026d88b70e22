import 'reflect-metadata';
import { join } from 'node:path';
import { createTodoApp } from './app';
import { loadSettings, SettingsError } from './settings/load-settings';
import { startupBanner } from './startup-banner';

async function main(): Promise<void> {
  const settings = loadSettings(process.env, { dataDir: join(__dirname, '..', 'data') });
  const { app, database } = await createTodoApp({ settings });
  const address = await app.listen({ host: settings.host, port: settings.port });
  console.log(startupBanner(address, database.description, settings));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  // A configuration mistake is the operator's to fix: show the message, not a stack trace.
  console.error(error instanceof SettingsError ? error.message : error);
  process.exit(1);
});
