import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newProject, removeScratchDirs, runDeft, runNode, scratchDir } from './support/run-deft';

const JEST = require.resolve('jest/bin/jest');
const TSC = require.resolve('typescript/bin/tsc');

function json(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

describe('deft new', () => {
  afterAll(removeScratchDirs);

  it('writes a complete CommonJS project with the defaults', async () => {
    const root = await newProject('defaults', ['--yes']);
    const files = ['package.json', 'tsconfig.json', 'tsconfig.build.json', '.gitignore', 'README.md', 'src/main.ts', 'src/app.ts', 'src/items/items-controller.ts', 'src/items/item.ts', 'src/items/items-repository.ts', 'src/auth/oauth2-scheme.ts', 'test/items.test.ts'];
    for (const file of files) expect(`${file}: ${existsSync(join(root, file))}`).toBe(`${file}: true`);
    const manifest = json(join(root, 'package.json'));
    expect(manifest).toMatchObject({ name: 'app', type: 'commonjs', deft: { app: 'src/app.ts' } });
    expect(manifest.scripts).toMatchObject({ dev: 'deft dev', build: 'tsc -p tsconfig.build.json', start: 'deft start', test: 'jest' });
    expect(Object.keys(manifest.dependencies as object)).toEqual(expect.arrayContaining(['@deft/core', '@deft/security', 'reflect-metadata', 'class-validator']));
    expect(Object.keys(manifest.devDependencies as object)).toEqual(expect.arrayContaining(['@deft/cli', '@deft/testing', 'jest', 'ts-jest', 'typescript']));
    expect(json(join(root, 'tsconfig.json')).compilerOptions).toMatchObject({ strict: true, experimentalDecorators: true, emitDecoratorMetadata: true, module: 'node16' });
    expect(readFileSync(join(root, 'src/items/items-controller.ts'), 'utf8')).toContain('@Depends(oauth2Scheme) token: string');
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('npm run dev');
  });

  it('builds, type-checks and passes its own tests', async () => {
    const root = await newProject('cjs-tests', ['--yes']);
    expect(await runNode([TSC, '-p', 'tsconfig.build.json'], { cwd: root })).toMatchObject({ code: 0, stdout: '' });
    expect(existsSync(join(root, 'dist/main.js'))).toBe(true);
    expect(await runNode([TSC, '--noEmit'], { cwd: root })).toMatchObject({ code: 0, stdout: '' });
    const tests = await runNode([JEST, '--ci'], { cwd: root });
    expect(tests.stderr).toMatch(/Tests: +5 passed, 5 total/);
    expect(tests.code).toBe(0);
  }, 120_000);

  it('writes an ES-module project with the database and without auth that passes its tests', async () => {
    const root = await newProject('esm-db', ['--module', 'esm', '--database', '--no-auth', '--pm', 'pnpm']);
    const manifest = json(join(root, 'package.json'));
    expect(manifest).toMatchObject({ type: 'module', pnpm: { onlyBuiltDependencies: ['better-sqlite3'] } });
    expect(Object.keys(manifest.dependencies as object)).toContain('better-sqlite3');
    expect(Object.keys(manifest.dependencies as object)).not.toContain('@deft/security');
    expect(json(join(root, 'tsconfig.json')).compilerOptions).toMatchObject({ module: 'nodenext', moduleResolution: 'nodenext' });
    expect(readFileSync(join(root, 'src/app.ts'), 'utf8')).toContain("from './items/items-controller.js'");
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('pnpm dev');
    expect(await runNode([TSC, '-p', 'tsconfig.build.json'], { cwd: root })).toMatchObject({ code: 0, stdout: '' });
    const tests = await runNode([JEST, '--ci'], { cwd: root });
    expect(tests.stderr).toMatch(/Tests: +4 passed, 4 total/);
  }, 120_000);

  it('takes the defaults without a terminal and says what it made', async () => {
    const parent = scratchDir('no-tty');
    const result = await runDeft(['new', 'shop'], { cwd: parent });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created shop in shop');
    expect(result.stdout).toMatch(/cd shop\n\s+npm install\n\s+npm run dev/);
  });

  it('refuses a folder that is not empty, and writes nothing', async () => {
    const parent = scratchDir('not-empty');
    mkdirSync(join(parent, 'taken'));
    writeFileSync(join(parent, 'taken', 'notes.txt'), 'mine');
    const result = await runDeft(['new', 'taken', '--yes'], { cwd: parent });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(`${join(parent, 'taken')} is not empty (it has notes.txt): deft never writes over files. Choose a new folder name, or empty this one.`);
    expect(readdirSync(join(parent, 'taken'))).toEqual(['notes.txt']);
  });

  it.each([
    ['My App', /"My App" cannot be the project's name: .*Use lower-case letters, digits and dashes, such as my-app\./],
    ['node_modules', /"node_modules" cannot be the project's name: node_modules is not a valid package name/],
    ['.hidden', /"\.hidden" cannot be the project's name: name cannot start with a period/],
  ])('explains why %j cannot be a project name', async (name, message) => {
    const parent = scratchDir('bad-name');
    const result = await runDeft(['new', name, '--yes'], { cwd: parent });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(parent)).toEqual([]);
  });

  it('says which values a flag takes', async () => {
    const result = await runDeft(['new', 'x', '--module', 'amd'], { cwd: scratchDir('bad-flag') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: option '--module <system>' argument 'amd' is invalid. Allowed choices are commonjs, esm.");
  });
});
