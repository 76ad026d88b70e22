import 'reflect-metadata';
import { join } from 'node:path';
import { createTodoApp } from './app';
import { demoUser } from './seed/demo-user';
import { loadSettings, SettingsError } from './settings/load-settings';

async function main(): Promise<void> {
  const settings = loadSettings(process.env, { dataDir: join(__dirname, '..', 'data') });
  const { app, database } = await createTodoApp({ settings });
  const address = await app.listen({ host: settings.host, port: settings.port });
  const lines = [
    `Todo API listening on ${address} (${database.description})`,
    `  Interactive docs: ${address}/docs  (ReDoc: ${address}/redoc)`,
  ];
  if (settings.seedDemoUser) {
    lines.push(`  Demo account:     ${demoUser.username} / ${demoUser.password}  (scopes: ${demoUser.scopes.join(' ')})`);
    lines.push('  In /docs, click Authorize, log in with it, then try POST /todos and GET /todos.');
  }
  if (settings.jwtSecretGenerated) lines.push('  JWT_SECRET is not set: tokens are signed with a random key and end when this process does.');
  console.log(lines.join('\n'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void app.close().then(() => process.exit(0)));
  }
}

main().catch((error: unknown) => {
  // A configuration mistake is the operator's to fix: show the message, not a stack trace.
  console.error(error instanceof SettingsError ? error.message : error);
  process.exit(1);
});
