import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { reportError } from '../errors/report-error';
import { isPortInUse } from './listen-address';
import { docsPath, PORT_IN_USE_EXIT, SERVE_SPEC_ENV, serveApp, type ListeningMessage, type ServeSpec } from './serve-app';

/**
 * Loads the project's @deft/core (Fastify with it), which the app module
 * then finds in the module cache, and waits for the word to serve.
 */
async function standBy(root: string): Promise<void> {
  try {
    createRequire(join(root, 'package.json'))('@deft/core');
  } catch {
    // The app module reports a missing @deft/core when it loads.
  }
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
}

/**
 * The entry of a server process that `deft dev` forks and that `deft start
 * --workers` runs on each cluster worker.
 */
async function main(): Promise<void> {
  const spec = JSON.parse(process.env[SERVE_SPEC_ENV] ?? '{}') as ServeSpec;
  if (spec.standby) await standBy(spec.root);
  const { app, address } = await serveApp(spec);
  const message: ListeningMessage = { type: 'deft:listening', address, docsPath: docsPath(app) };
  process.send?.(message);
}

if (require.main === module) {
  // deft dev's servers end with deft dev, however it ends (cluster workers have their own protocol).
  if (process.send && !cluster.isWorker) process.once('disconnect', () => process.exit());
  main().catch((error: unknown) => {
    process.exitCode = isPortInUse((error as Error).cause) ? PORT_IN_USE_EXIT : reportError(error);
    // A half-started app may hold handles (a database pool): the error is final.
    setImmediate(() => process.exit());
  });
}
