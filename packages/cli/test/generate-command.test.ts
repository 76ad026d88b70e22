import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newProject, removeScratchDirs, runDeft, runNode } from './support/run-deft';

const JEST = require.resolve('jest/bin/jest');
const TSC = require.resolve('typescript/bin/tsc');

describe.each([
  ['CommonJS', ['--yes']],
  ['ES modules', ['--yes', '--module', 'esm']],
])('deft generate in a %s project', (_kind, flags) => {
  let root: string;
  beforeAll(async () => {
    root = await newProject('generate', flags);
  });
  afterAll(removeScratchDirs);

  it('adds a controller, a resource and a dependency whose tests pass', async () => {
    const controller = await runDeft(['generate', 'controller', 'health-checks'], { cwd: root });
    expect(controller.stdout).toBe(
      'created src/health-checks/health-checks-controller.ts\ncreated test/health-checks-controller.test.ts\nAdd HealthChecksController to the controllers of createApp in your app module.\n',
    );
    const resource = await runDeft(['g', 'resource', 'categories'], { cwd: root });
    expect(resource.stdout.split('\n').slice(0, 4)).toEqual([
      'created src/categories/category.ts',
      'created src/categories/categories-repository.ts',
      'created src/categories/categories-controller.ts',
      'created test/categories.test.ts',
    ]);
    const dependency = await runDeft(['generate', 'dependency', 'requestLocale'], { cwd: root });
    expect(dependency.stdout).toContain('created src/dependencies/request-locale.ts');
    expect(readFileSync(join(root, 'src/categories/categories-controller.ts'), 'utf8')).toContain('export class CategoriesController');

    expect(await runNode([TSC, '--noEmit'], { cwd: root })).toMatchObject({ code: 0, stdout: '' });
    const tests = await runNode([JEST, '--ci'], { cwd: root });
    expect(tests.stderr).toMatch(/Test Suites: 4 passed, 4 total/);
    expect(tests.code).toBe(0);
  }, 120_000);

  it('never overwrites a file', async () => {
    const file = join(root, 'src/things/things-controller.ts');
    expect((await runDeft(['generate', 'controller', 'things'], { cwd: root })).code).toBe(0);
    writeFileSync(file, '// mine\n');
    const again = await runDeft(['generate', 'controller', 'things'], { cwd: root });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'Not written, these files already exist: src/things/things-controller.ts, test/things-controller.test.ts. deft never overwrites a file: choose another name.\n',
    );
    expect(readFileSync(file, 'utf8')).toBe('// mine\n');
  });

  it('explains a name it cannot use, and what it can generate', async () => {
    const bad = await runDeft(['generate', 'controller', '9lives'], { cwd: root });
    expect(bad).toMatchObject({ code: 1, stderr: '"9lives" cannot name a controller: use letters, digits and dashes, starting with a letter (such as user-profiles).\n' });
    expect(existsSync(join(root, 'src/9lives'))).toBe(false);
    const kind = await runDeft(['generate', 'service', 'x'], { cwd: root });
    expect(kind.stderr).toContain("error: command-argument value 'service' is invalid for argument 'kind'. Allowed choices are controller, resource, dependency.");
  });
});
