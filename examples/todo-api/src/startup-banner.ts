import { demoUser } from './seed/demo-user';
import type { Settings } from './settings/settings';

/** What `npm run demo` prints once the server listens: where to click, and how to log in. */
export function startupBanner(address: string, databaseDescription: string, settings: Settings): string {
  const lines = [`Todo API listening on ${address} (${databaseDescription})`, `  Interactive docs: ${address}/docs  (ReDoc: ${address}/redoc)`];
  if (settings.seedDemoUser) {
    lines.push(`  Demo account:     ${demoUser.username} / ${demoUser.password}  (scopes: ${demoUser.scopes.join(' ')})`);
    lines.push('  In /docs, click Authorize, log in with it, then try POST /todos and GET /todos.');
  }
  if (settings.jwtSecretGenerated) lines.push('  JWT_SECRET is not set: tokens are signed with a random key and end when this process does.');
  return lines.join('\n');
}
