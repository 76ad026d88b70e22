import type { ScaffoldOptions } from '../scaffold-options';

/**
 * The editor's and the tests' configuration: strict, decorators with their
 * metadata (Deft reads the parameter types TypeScript records), and the
 * module system of the package.
 */
export function tsconfigJson(options: ScaffoldOptions): string {
  const module = options.moduleSystem === 'esm' ? 'nodenext' : 'node16';
  const config = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022'],
      module,
      moduleResolution: module,
      strict: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      esModuleInterop: true,
      // Each file compiles on its own (as ts-jest and SWC compile tests).
      isolatedModules: true,
      skipLibCheck: true,
      forceConsistentCasingInFileNames: true,
      sourceMap: true,
      outDir: 'dist',
      types: ['node', 'jest'],
    },
    include: ['src', 'test'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** What `npm run build` and `deft dev` compile: the sources alone, into dist/. */
export function tsconfigBuildJson(): string {
  const config = {
    extends: './tsconfig.json',
    compilerOptions: { rootDir: 'src', outDir: 'dist', types: ['node'] },
    include: ['src'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
