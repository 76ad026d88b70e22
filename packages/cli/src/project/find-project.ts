import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { CliError } from '../errors/cli-error';

/** The `deft` field of an app's package.json: where the CLI finds the app. */
export interface DeftSettings {
  /** The module that exports the app, from the project's root (default `src/app.ts`). */
  readonly app: string;
  /** The tsconfig that builds the app (default `tsconfig.build.json` when it exists, else `tsconfig.json`). */
  readonly tsconfig: string;
}

export interface PackageManifest {
  readonly name?: string;
  readonly type?: string;
  readonly deft?: { app?: unknown; tsconfig?: unknown };
  readonly [key: string]: unknown;
}

/** The app project the CLI works on: the nearest folder with a package.json. */
export interface Project {
  readonly root: string;
  readonly manifest: PackageManifest;
  readonly settings: DeftSettings;
  /** Whether compiled JavaScript is an ES module (`"type": "module"`). */
  readonly esm: boolean;
  /** The app module's absolute path. */
  readonly appFile: string;
}

export const DEFAULT_APP = 'src/app.ts';

function nearestManifest(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) {
      throw new CliError(`No package.json in ${resolve(from)} or any folder above it: run deft inside a project (npm create deft@latest my-app makes one).`);
    }
  }
}

function textSetting(value: unknown, key: string, file: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new CliError(`${file}: "deft": { "${key}": ... } must be a file path such as "${key === 'app' ? DEFAULT_APP : 'tsconfig.json'}".`);
  return value;
}

/**
 * Finds the project around `cwd` and where its app is: the `deft.app` field
 * of package.json, or `src/app.ts`. The file must exist; what it exports is
 * checked when it is loaded.
 */
export function findProject(cwd: string): Project {
  const manifestFile = nearestManifest(cwd);
  const root = dirname(manifestFile);
  let manifest: PackageManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as PackageManifest;
  } catch (error) {
    throw new CliError(`${manifestFile} is not valid JSON: ${(error as Error).message}`, 1, { cause: error });
  }
  const field = manifest.deft ?? {};
  const app = textSetting(field.app, 'app', manifestFile) ?? DEFAULT_APP;
  const tsconfig = textSetting(field.tsconfig, 'tsconfig', manifestFile) ?? (existsSync(join(root, 'tsconfig.build.json')) ? 'tsconfig.build.json' : 'tsconfig.json');
  const appFile = resolve(root, app);
  if (!existsSync(appFile)) {
    const given = field.app === undefined ? `the default, ${DEFAULT_APP},` : `${app} (package.json "deft": { "app" })`;
    throw new CliError(
      `No app to run: ${given} does not exist in ${root}. Export your app from ${DEFAULT_APP} (export const app = createApp({ ... })), ` +
        `or name the file that does in package.json: "deft": { "app": "src/server.ts" }.`,
    );
  }
  return { root, manifest, settings: { app: relative(root, appFile), tsconfig }, esm: manifest.type === 'module', appFile };
}
