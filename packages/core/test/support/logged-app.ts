import { Writable } from 'node:stream';
import { createApp, type AppOptions, type DeftApp } from '@deft/core';
import { TestClient } from '@deft/testing';

/** An app of `controllers` logging with the pino `logger` options into `lines`, one parsed JSON line each. */
export function loggedApp<Line>(controllers: NonNullable<AppOptions['controllers']>, logger: Record<string, unknown>): { app: DeftApp; client: TestClient; lines: Line[] } {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(JSON.parse(String(chunk)) as Line);
      callback();
    },
  });
  const app = createApp({ controllers, fastify: { logger: { ...logger, stream } } as AppOptions['fastify'] });
  return { app, client: new TestClient(app), lines };
}
