import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DeftApp } from '@deft/core';
import { CliError } from '../errors/cli-error';

/**
 * Recognises a Deft app by its public surface rather than by `instanceof`,
 * which would fail when the app's copy of @deft/core is not the CLI's.
 */
export function isDeftApp(value: unknown): value is DeftApp {
  if (typeof value !== 'object' || value === null) return false;
  const app = value as Partial<Record<keyof DeftApp, unknown>>;
  return Array.isArray(app.routes) && typeof app.openapi === 'function' && typeof app.listen === 'function' && typeof app.close === 'function';
}

type Factory = () => unknown;

/** A function the app module exports to make the app: not a class (a controller exported by default, say). */
function isFactory(value: unknown): value is Factory {
  return typeof value === 'function' && !/^class\b/.test(Function.prototype.toString.call(value));
}

/**
 * What the module offers, in the documented order: the `app` export, then
 * the default export; in CommonJS output a default export sits one level down.
 */
function candidates(mod: Record<string, unknown>): unknown[] {
  const inner = (mod.default ?? {}) as Record<string, unknown>;
  return [mod.app, mod.default, inner.app, inner.default].filter((value) => value !== undefined);
}

/**
 * Loads the compiled app module and returns its app. The module exports it
 * as `app` or as its default export: the app itself, or a function (sync or
 * async) that creates it.
 */
export async function loadApp(file: string, source: string, root: string): Promise<DeftApp> {
  if (!existsSync(file)) {
    throw new CliError(`${relative(root, file)} is missing: build the app first (npm run build), or run deft dev, which builds it.`);
  }
  const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  for (const candidate of candidates(mod)) {
    const value = isFactory(candidate) ? await candidate() : await candidate;
    if (isDeftApp(value)) return value;
  }
  // Imported CommonJS has its module.exports as `default` too: that is no export of its own.
  const commonJs = (mod.default as { __esModule?: unknown } | undefined)?.__esModule === true;
  const exported = Object.keys(mod).filter((key) => key !== '__esModule' && !(commonJs && key === 'default'));
  throw new CliError(
    `${source} exports no Deft app (it exports ${exported.length > 0 ? exported.join(', ') : 'nothing'}). ` +
      `Export the app as "app" or as the default export: export const app = createApp({ controllers: [...] }). ` +
      `A function that returns the app (or a promise of it) works too. Another file? Name it in package.json: "deft": { "app": "src/server.ts" }.`,
  );
}
