import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const DEFT = join(ROOT, '..', '..', 'packages', 'cli', 'dist', 'bin', 'deft.js');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function deft(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [DEFT, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout)));
  });
}

/** The built output as Node runs it: ES modules importing the CommonJS Deft packages. */
describe('the ES-module app under Node', () => {
  it('is ES modules', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))).toMatchObject({ type: 'module' });
    expect(readFileSync(join(ROOT, 'dist', 'app.js'), 'utf8')).toMatch(/^import 'reflect-metadata';$/m);
  });

  it('serves /items/ and /docs from node dist/main.js', async () => {
    const port = await freePort();
    const server = spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const line = await new Promise<string>((resolve) => server.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())));
      expect(line).toBe(`Listening on http://127.0.0.1:${port}; docs at http://127.0.0.1:${port}/docs\n`);
      const items = await fetch(`http://127.0.0.1:${port}/items/`, { headers: { Authorization: 'Bearer node' } });
      expect(await items.json()).toEqual({ token: 'node' });
      expect((await fetch(`http://127.0.0.1:${port}/docs`)).status).toBe(200);
    } finally {
      server.kill();
    }
  }, 30_000);

  it('is read by deft routes and deft openapi', async () => {
    expect(await deft(['routes'])).toContain('POST    /items/  ItemsController.createItem  OAuth2PasswordBearer  OAuth2PasswordBearer');
    const document = JSON.parse(await deft(['openapi'])) as { info: { title: string }; components: { schemas: Record<string, unknown> } };
    expect(document.info.title).toBe('ES-module items');
    expect(Object.keys(document.components.schemas)).toContain('CreateItem');
  }, 60_000);
});
