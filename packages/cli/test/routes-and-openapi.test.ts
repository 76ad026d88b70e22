import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { newProject, removeScratchDirs, runDeft } from './support/run-deft';

describe('deft routes and deft openapi', () => {
  let root: string;
  beforeAll(async () => {
    root = await newProject('read-app', ['--yes']);
  });
  afterAll(removeScratchDirs);

  it('lists each route with its handler, dependencies and security', async () => {
    const result = await runDeft(['routes'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').map((line) => line.trimEnd())).toEqual([
      'METHOD  PATH              HANDLER                     DEPENDENCIES                             SECURITY',
      'GET     /items/           ItemsController.readItems   OAuth2PasswordBearer                     OAuth2PasswordBearer',
      'POST    /items/           ItemsController.createItem  itemsRepository(), OAuth2PasswordBearer  OAuth2PasswordBearer',
      'GET     /items/{item_id}  ItemsController.readItem    itemsRepository(), OAuth2PasswordBearer  OAuth2PasswordBearer',
      '',
    ]);
  }, 60_000);

  it('shows the scopes a route requires, as JSON too', async () => {
    writeFileSync(
      join(root, 'src/scoped.ts'),
      `import 'reflect-metadata';
import { Controller, createApp, Get, Security } from '@deft/core';
import { OAuth2PasswordBearer } from '@deft/security';

const scheme = new OAuth2PasswordBearer({ tokenUrl: 'token', scopes: { 'items:read': 'Read items', admin: 'Everything' } });

@Controller('/admin')
class AdminController {
  @Get('/stats')
  stats(@Security(scheme, ['items:read', 'admin']) token: string) {
    return { token };
  }
}

export default createApp({ controllers: [AdminController] });
`,
    );
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(root, 'package.json'), JSON.stringify({ ...manifest, deft: { app: 'src/scoped.ts' } }));
    try {
      const result = await runDeft(['routes', '--json'], { cwd: root });
      expect(JSON.parse(result.stdout)).toEqual([
        { method: 'GET', path: '/admin/stats', handler: 'AdminController.stats', dependencies: ['OAuth2PasswordBearer'], security: ['OAuth2PasswordBearer[items:read admin]'] },
      ]);
    } finally {
      writeFileSync(join(root, 'package.json'), JSON.stringify(manifest));
    }
  }, 60_000);

  it('prints the OpenAPI document the app serves, in JSON or YAML', async () => {
    const asJson = await runDeft(['openapi'], { cwd: root });
    expect(asJson.code).toBe(0);
    const document = JSON.parse(asJson.stdout) as { info: unknown; paths: Record<string, unknown>; components: { securitySchemes: unknown } };
    expect(document.info).toEqual({ title: 'app', version: '0.1.0' });
    expect(Object.keys(document.paths)).toEqual(['/items/', '/items/{item_id}']);
    expect(document.components.securitySchemes).toEqual({ OAuth2PasswordBearer: { type: 'oauth2', flows: { password: { scopes: {}, tokenUrl: 'token' } } } });
    const asYaml = await runDeft(['openapi', '--format', 'yaml'], { cwd: root });
    expect(parse(asYaml.stdout)).toEqual(document);
  }, 60_000);

  it('writes the document to --out, in the format its extension names', async () => {
    const result = await runDeft(['openapi', '--out', 'docs/openapi.yaml'], { cwd: root });
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: 'Wrote docs/openapi.yaml\n' });
    const written = readFileSync(join(root, 'docs/openapi.yaml'), 'utf8');
    expect(written.startsWith('openapi: 3.1.0\n')).toBe(true);
    expect(parse(written)).toMatchObject({ paths: { '/items/': { get: { security: [{ OAuth2PasswordBearer: [] }] } } } });
  }, 60_000);

  it('prints compile errors and stops, rather than read a stale build', async () => {
    const file = join(root, 'src/items/item.ts');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `${original}\nexport const broken: number = 'text';\n`);
    try {
      const result = await runDeft(['routes'], { cwd: root });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("src/items/item.ts(18,14): error TS2322: Type 'string' is not assignable to type 'number'.");
      expect(result.stderr).toContain('The app did not compile (1 error); fix it and run the command again.');
    } finally {
      writeFileSync(file, original);
    }
  }, 60_000);
});
