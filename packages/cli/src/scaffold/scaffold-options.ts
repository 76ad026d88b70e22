export type PackageManager = 'npm' | 'pnpm' | 'yarn';
export type ModuleSystem = 'commonjs' | 'esm';

export const PACKAGE_MANAGERS: readonly PackageManager[] = ['npm', 'pnpm', 'yarn'];
export const MODULE_SYSTEMS: readonly ModuleSystem[] = ['commonjs', 'esm'];

/** Everything `deft new` / `npm create deft` decides about a project. */
export interface ScaffoldOptions {
  /** The folder to write, absolute. */
  readonly directory: string;
  /** The package name (the folder's name). */
  readonly name: string;
  readonly packageManager: PackageManager;
  readonly moduleSystem: ModuleSystem;
  /** A SQLite database (better-sqlite3) behind the items repository. */
  readonly database: boolean;
  /** The OAuth2 password bearer scheme on the items routes (FastAPI's security first steps). */
  readonly auth: boolean;
}

/** The package manager that runs us (`npm create`, `pnpm create`, `yarn create` set npm_config_user_agent). */
export function invokingPackageManager(env: NodeJS.ProcessEnv): PackageManager {
  const agent = env.npm_config_user_agent ?? '';
  return PACKAGE_MANAGERS.find((pm) => agent.startsWith(`${pm}/`)) ?? 'npm';
}

/** What `--yes` takes; the questions start from these too. */
export function defaultChoices(env: NodeJS.ProcessEnv): Pick<ScaffoldOptions, 'packageManager' | 'moduleSystem' | 'database' | 'auth'> {
  return { packageManager: invokingPackageManager(env), moduleSystem: 'commonjs', database: false, auth: true };
}

/** `npm run dev`, `pnpm dev`, `yarn dev`. */
export function runScript(pm: PackageManager, script: string): string {
  if (pm !== 'npm') return `${pm} ${script}`;
  return ['test', 'start'].includes(script) ? `npm ${script}` : `npm run ${script}`;
}

export function installCommand(pm: PackageManager): string {
  return `${pm} install`;
}
