import { startNodeApp } from './apps';
import { keepTickObject } from './harness/tick-object';
import type { ImplementationName } from './implementations';

/**
 * A benchmark server: `node dist/serve.js <implementation> <port>`. Prints
 * `listening` when ready; exits cleanly on SIGTERM (so `--cpu-prof` writes its profile).
 */
async function main(): Promise<void> {
  const [name, port] = process.argv.slice(2) as [Exclude<ImplementationName, 'fastapi'>, string];
  keepTickObject();
  const app = await startNodeApp(name, Number(port));
  process.stdout.write('listening\n');
  process.once('SIGTERM', () => {
    void app.close().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
