import type { Config } from 'jest';

type Project = NonNullable<Config['projects']>[number] & object;

const shared = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  // The CLI's tests and benchmarks make throwaway projects under .scratch/ and bench/results/tmp/.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/\\.scratch/', '/bench/results/'],
  modulePathIgnorePatterns: ['/\\.scratch/', '/bench/results/'],
} satisfies Project;

/**
 * One jest run for the whole workspace. Tests import packages by name
 * (`@deft/core`), which resolve to their built `dist/`; ts-jest compiles the
 * tests with the repository's tsconfig, so decorator metadata is emitted as
 * the TypeScript compiler emits it.
 *
 * ES-module code is tested as CommonJS (jest's ES-module mode is
 * experimental), as an app made by `deft new --module esm` is: its `./x.js`
 * imports map to `./x`. It is a project of its own because ts-jest keeps one
 * compiler configuration per jest project, whatever the transform's options.
 */
const config: Config = {
  testTimeout: 20000,
  projects: [
    {
      ...shared,
      displayName: 'workspace',
      roots: ['<rootDir>/packages', '<rootDir>/examples', '<rootDir>/docs', '<rootDir>/bench', '<rootDir>/e2e'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '/examples/esm-items/'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
    },
    {
      ...shared,
      displayName: 'esm',
      roots: ['<rootDir>/examples/esm-items'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10' } }] },
      moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    },
  ],
};

export default config;
