import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newProject, removeScratchDirs, runDeft } from './support/run-deft';

/** How deft finds the app: package.json "deft": { "app" }, else src/app.ts; the export `app`, else the default. */
describe('finding the app', () => {
  let root: string;
  let manifest: Record<string, unknown>;
  beforeAll(async () => {
    root = await newProject('find-app', ['--yes']);
    manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  });
  afterEach(() => writeFileSync(join(root, 'package.json'), JSON.stringify(manifest)));
  afterAll(removeScratchDirs);

  function useApp(app: string | undefined): void {
    const { deft: _deft, ...rest } = manifest;
    writeFileSync(join(root, 'package.json'), JSON.stringify(app === undefined ? rest : { ...rest, deft: { app } }));
  }

  it('says where it looked when the named file is missing', async () => {
    useApp('src/server.ts');
    const result = await runDeft(['routes'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `No app to run: src/server.ts (package.json "deft": { "app" }) does not exist in ${root}. Export your app from src/app.ts (export const app = createApp({ ... })), or name the file that does in package.json: "deft": { "app": "src/server.ts" }.\n`,
    );
  });

  it('takes src/app.ts without a "deft" field', async () => {
    useApp(undefined);
    const result = await runDeft(['routes'], { cwd: root });
    expect(result.stdout).toContain('ItemsController.readItems');
  }, 60_000);

  it('takes a function that returns the app, as the default export', async () => {
    writeFileSync(join(root, 'src/factory.ts'), "import { app } from './app';\n\nexport default async function makeApp() {\n  return app;\n}\n");
    useApp('src/factory.ts');
    const result = await runDeft(['routes', '--json'], { cwd: root });
    expect((JSON.parse(result.stdout) as { handler: string }[]).map((row) => row.handler)).toEqual(['ItemsController.readItems', 'ItemsController.createItem', 'ItemsController.readItem']);
  }, 60_000);

  it('says what the module exports when none of it is an app', async () => {
    writeFileSync(join(root, 'src/not-an-app.ts'), "export const port = 8000;\nexport class Items {}\n");
    useApp('src/not-an-app.ts');
    const result = await runDeft(['openapi'], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'src/not-an-app.ts exports no Deft app (it exports Items, port). Export the app as "app" or as the default export: export const app = createApp({ controllers: [...] }). A function that returns the app (or a promise of it) works too. Another file? Name it in package.json: "deft": { "app": "src/server.ts" }.\n',
    );
  }, 60_000);

  it('needs a project around it', async () => {
    const result = await runDeft(['routes'], { cwd: '/' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('No package.json in / or any folder above it: run deft inside a project (npm create deft@latest my-app makes one).\n');
  });
});
