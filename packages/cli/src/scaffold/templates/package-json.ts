import type { ScaffoldOptions } from '../scaffold-options';
import { VERSIONS } from './versions';

function sorted(entries: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * jest through ts-jest, compiling each file on its own (isolatedModules) with
 * the project's TypeScript, so tests see the decorator metadata the build
 * emits. jest's own ES-module mode is experimental: ES-module projects are
 * tested as CommonJS, their `./x.js` imports mapped to `./x`.
 */
function jestConfig(options: ScaffoldOptions): Record<string, unknown> {
  const tsJest = options.moduleSystem === 'esm' ? { tsconfig: { module: 'commonjs', moduleResolution: 'node10' } } : { tsconfig: 'tsconfig.json' };
  return {
    testEnvironment: 'node',
    roots: ['<rootDir>/test'],
    transform: { '^.+\\.ts$': ['ts-jest', tsJest] },
    ...(options.moduleSystem === 'esm' ? { moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' } } : {}),
    ...(options.database ? { setupFiles: ['<rootDir>/test/setup-env.ts'] } : {}),
  };
}

export function packageJson(options: ScaffoldOptions): string {
  const dependencies: Record<string, string> = {
    '@deft/core': VERSIONS.deft,
    'class-transformer': VERSIONS.classTransformer,
    'class-validator': VERSIONS.classValidator,
    'reflect-metadata': VERSIONS.reflectMetadata,
  };
  const devDependencies: Record<string, string> = {
    '@deft/cli': VERSIONS.deft,
    '@deft/testing': VERSIONS.deft,
    '@types/jest': VERSIONS.typesJest,
    '@types/node': VERSIONS.typesNode,
    jest: VERSIONS.jest,
    'ts-jest': VERSIONS.tsJest,
    typescript: VERSIONS.typescript,
  };
  if (options.auth) dependencies['@deft/security'] = VERSIONS.deft;
  if (options.database) {
    dependencies['better-sqlite3'] = VERSIONS.betterSqlite3;
    devDependencies['@types/better-sqlite3'] = VERSIONS.typesBetterSqlite3;
  }
  const manifest = {
    name: options.name,
    version: '0.1.0',
    private: true,
    type: options.moduleSystem === 'esm' ? 'module' : 'commonjs',
    engines: { node: '>=20' },
    scripts: {
      dev: 'deft dev',
      build: 'tsc -p tsconfig.build.json',
      start: 'deft start',
      test: 'jest',
      typecheck: 'tsc --noEmit',
    },
    deft: { app: 'src/app.ts' },
    dependencies: sorted(dependencies),
    devDependencies: sorted(devDependencies),
    jest: jestConfig(options),
    // pnpm runs no install scripts unless told: better-sqlite3 builds its native part in one.
    ...(options.database && options.packageManager === 'pnpm' ? { pnpm: { onlyBuiltDependencies: ['better-sqlite3'] } } : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
