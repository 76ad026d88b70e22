import { createApp, DeftError, type AppOptions, type DeftApp } from '@deft/core';
import { TestClient } from '@deft/testing';

type ControllerClass = NonNullable<AppOptions['controllers']>[number];

/** An app of these controllers with Fastify's request logging off. */
export function appFor(...controllers: ControllerClass[]): DeftApp {
  return createApp({ controllers, fastify: { logger: false } });
}

/** A test client for an app of these controllers. */
export function clientFor(...controllers: ControllerClass[]): TestClient {
  return new TestClient(appFor(...controllers));
}

/** The `DeftError` that `run` throws (fails the test if it throws none, or another error). */
export function deftErrorOf(run: () => unknown): DeftError {
  try {
    run();
  } catch (error) {
    if (error instanceof DeftError) return error;
    throw error;
  }
  throw new Error('expected a DeftError');
}

/** The `DeftError` that building an app of these controllers throws (fails the test if it builds). */
export function startupError(...controllers: ControllerClass[]): DeftError {
  return deftErrorOf(() => appFor(...controllers));
}
