import { performance } from 'node:perf_hooks';

/**
 * Starts the 1000-route Deft app and prints one JSON line of timings (ms
 * since the process began): modules loaded, the app's classes defined (their
 * decorators run), app created, listening (Fastify registers the routes on
 * `ready`), and the OpenAPI document's generation time. `node dist/startup/thousand-routes.js <port>`
 */
async function main(): Promise<void> {
  const atStart = performance.now();
  const { createThousandRoutesApp, defineThousandRoutes } = await import('./thousand-routes-app.js');
  const loaded = performance.now();
  const controllers = defineThousandRoutes();
  const defined = performance.now();
  const app = createThousandRoutesApp(controllers);
  const created = performance.now();
  await app.listen({ port: Number(process.argv[2] ?? 0) });
  const listening = performance.now();
  const document = app.openapi();
  const openapiMs = performance.now() - listening;
  const size = JSON.stringify(document).length;
  const result = {
    routes: app.routes.length,
    processStartMs: atStart,
    modulesLoadedMs: loaded,
    appCreatedMs: created,
    listeningMs: listening,
    classesDefinedMs: defined - loaded,
    createAppMs: created - defined,
    readyAndListenMs: listening - created,
    openapiMs,
    openapiPaths: Object.keys(document.paths ?? {}).length,
    openapiBytes: size,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
