import { performance } from 'node:perf_hooks';

/**
 * Starts the 1000-route Deft app and prints one JSON line of timings (ms
 * since the process began): modules loaded, app created, listening, and the
 * OpenAPI document's generation time. `node dist/startup/thousand-routes.js <port>`
 */
async function main(): Promise<void> {
  const atStart = performance.now();
  const { createThousandRoutesApp } = await import('./thousand-routes-app.js');
  const loaded = performance.now();
  const app = createThousandRoutesApp();
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
    createAppMs: created - loaded,
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
