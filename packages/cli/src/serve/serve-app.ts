import type { DeftApp } from '@deft/core';
import { CliError } from '../errors/cli-error';
import { loadApp } from '../project/load-app';
import { isPortInUse, portInUseMessage, type ListenAddress } from './listen-address';

/** What a server process needs to know: which compiled module holds the app, and where to listen. */
export interface ServeSpec extends ListenAddress {
  readonly module: string;
  /** The app module's source, for messages (`src/app.ts`). */
  readonly source: string;
  readonly root: string;
  /** Load the framework now, then wait for `{ type: 'deft:serve' }` before loading the app (deft dev's spare). */
  readonly standby?: boolean;
}

/** The environment variable through which `deft dev` and `deft start --workers` hand a server process its spec. */
export const SERVE_SPEC_ENV = 'DEFT_SERVE_SPEC';

/** The file a server process runs (compiled next to this one). */
export const SERVE_ENTRY = require.resolve('./serve-entry');

/** The exit code of a server process that found its port taken: its parent says so, once, and stops. */
export const PORT_IN_USE_EXIT = 3;

/** What a server process tells its parent (`deft dev`, or the `deft start` primary) once it listens. */
export interface ListeningMessage {
  readonly type: 'deft:listening';
  readonly address: string;
  /** Where the app serves Swagger UI, or null when it serves none. */
  readonly docsPath: string | null;
}

/** Loads the app, listens, and closes it gracefully on SIGTERM or SIGINT. */
export async function serveApp(spec: ServeSpec): Promise<{ app: DeftApp; address: string }> {
  const app = await loadApp(spec.module, spec.source, spec.root);
  let address: string;
  try {
    address = await app.listen({ host: spec.host, port: spec.port });
  } catch (error) {
    if (isPortInUse(error)) throw new CliError(portInUseMessage(spec), 1, { cause: error });
    throw error;
  }
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    void app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  return { app, address };
}

export function docsPath(app: DeftApp): string | null {
  const { docsUrl = '/docs', openapiUrl = '/openapi.json' } = app.options;
  return docsUrl === null || openapiUrl === null ? null : docsUrl;
}
