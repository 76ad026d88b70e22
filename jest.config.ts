import type { Config } from 'jest';

/**
 * One jest run for the whole workspace. Tests import packages by name
 * (`@deft/core`), which resolve to their built `dist/`; ts-jest compiles the
 * tests with the repository's tsconfig, so decorator metadata is emitted as
 * the TypeScript compiler emits it.
 */
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/examples', '<rootDir>/docs', '<rootDir>/bench', '<rootDir>/e2e'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/\\.scratch/'],
  // The CLI's tests make throwaway projects under packages/cli/.scratch/.
  modulePathIgnorePatterns: ['/\\.scratch/'],
  transform: {
    // ES-module code is tested as CommonJS (jest's ES-module mode is experimental), as
    // an app made by `deft new --module esm` is; its `./x.js` imports map to `./x`.
    '/examples/esm-items/.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', moduleResolution: 'node10' } }],
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testTimeout: 20000,
};

export default config;
