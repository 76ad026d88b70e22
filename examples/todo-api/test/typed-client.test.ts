import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { TestApp } from './support/test-app';
import { createAndFind, logIn, todoClient } from './typed-client/todo-client';

/**
 * The typed client of docs/openapi.md: openapi-typescript turns the app's
 * document into `typed-client/todo-api.ts` (committed, so the repository's
 * type-check compiles `todo-client.ts` against it), and openapi-fetch calls
 * the running app through it.
 */
const here = join(__dirname, 'typed-client');
const root = join(__dirname, '..', '..', '..');
const cli = join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

/** Type errors of these files, each `<file>: <message>` (the texts are compiled beside the real files). */
function typeErrors(files: Record<string, string>): string[] {
  const options: ts.CompilerOptions = { strict: true, noEmit: true, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, target: ts.ScriptTarget.ES2022, types: [], skipLibCheck: true, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'] };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => files[name] ?? readFile(name);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name in files || fileExists(name);
  const program = ts.createProgram(Object.keys(files), options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await TestApp.start('sqlite');
  baseUrl = await t.app.listen({ port: 0 });
});
afterAll(() => t.app.close());

describe('a typed client of the todo API', () => {
  it('is what openapi-typescript generates from the current document (regenerate: see docs/openapi.md)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deft-typed-client-'));
    try {
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(t.app.openapi()));
      execFileSync(process.execPath, [cli, join(dir, 'openapi.json'), '-o', join(dir, 'todo-api.ts')], { stdio: 'pipe' });
      expect(readFileSync(join(dir, 'todo-api.ts'), 'utf8')).toBe(readFileSync(join(here, 'todo-api.ts'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names operations readably (tag and method)', () => {
    expect(readFileSync(join(here, 'todo-api.ts'), 'utf8')).toMatch(/"todos-list": \{/);
  });

  it('type-checks code that uses it, and refuses code that misuses it', () => {
    const client = join(here, 'todo-client.ts');
    const misuse = join(here, 'misuse.ts');
    // One program for both: compiling openapi-fetch's types is most of the time.
    const errors = typeErrors({
      [client]: readFileSync(client, 'utf8'),
      [misuse]: [
        "import { todoClient } from './todo-client';",
        "export const wrongQuery = () => todoClient('http://x').GET('/todos', { params: { query: { limit: 'ten' } } });",
        "export const wrongPath = () => todoClient('http://x').GET('/todo');",
        "export const wrongBody = () => todoClient('http://x').POST('/todos', { body: { name: 'no title' } });",
      ].join('\n'),
    });
    expect(errors.filter((error) => !error.startsWith(`${misuse}:`))).toEqual([]);
    expect(errors).toHaveLength(3);
  });

  it('calls the running app', async () => {
    const client = todoClient(baseUrl);
    await logIn(client, 'johndoe', 'secret');
    const found = await createAndFind(client, 'Read the Deft docs', 'Deft');
    expect(found.map((todo) => [todo.title, todo.done])).toEqual([['Read the Deft docs', false]]);
    const { response, error } = await client.GET('/todos/{todo_id}', { params: { path: { todo_id: 999 } } });
    expect(response.status).toBe(404);
    expect(error).toEqual({ detail: 'Todo not found' });
  });
});
