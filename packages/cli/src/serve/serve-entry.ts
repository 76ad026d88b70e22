import { reportError } from '../errors/report-error';
import { isPortInUse } from './listen-address';
import { docsPath, PORT_IN_USE_EXIT, SERVE_SPEC_ENV, serveApp, type ListeningMessage, type ServeSpec } from './serve-app';

/**
 * The entry of a server process that `deft dev` forks and that `deft start
 * --workers` runs on each cluster worker.
 */
async function main(): Promise<void> {
  const spec = JSON.parse(process.env[SERVE_SPEC_ENV] ?? '{}') as ServeSpec;
  const { app, address } = await serveApp(spec);
  const message: ListeningMessage = { type: 'deft:listening', address, docsPath: docsPath(app) };
  process.send?.(message);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.exitCode = isPortInUse((error as Error).cause) ? PORT_IN_USE_EXIT : reportError(error);
    // A half-started app may hold handles (a database pool): the error is final.
    setImmediate(() => process.exit());
  });
}
