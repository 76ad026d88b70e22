import { execFile, spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

/** `npm run demo -- --port N` runs the built demo as `node examples/todo-api/dist/main.js --port N`. */
const MAIN = join(__dirname, '..', 'dist', 'main.js');
const env = { ...process.env, DATABASE_URL: ':memory:', SEED_DEMO_USER: 'false', PORT: '' };

function run(args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN, ...args], { env, timeout: 30_000 }, (error, _stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr }));
  });
}

function listen(): Promise<{ port: number; close: () => void }> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => resolve({ port: (server.address() as AddressInfo).port, close: () => server.close() }));
  });
}

describe('the demo command line', () => {
  it('listens on --port', async () => {
    const holder = await listen();
    holder.close();
    const demo = spawn(process.execPath, [MAIN, '--port', String(holder.port)], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const banner = await new Promise<string>((resolve) => demo.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())));
      expect(banner).toContain(`Todo API listening on http://127.0.0.1:${holder.port} `);
    } finally {
      demo.kill('SIGTERM');
    }
  }, 30_000);

  it('names a busy port and how to choose another, in one line', async () => {
    const holder = await listen();
    try {
      const { code, stderr } = await run(['--port', String(holder.port)]);
      expect(code).toBe(1);
      const next = holder.port + 1;
      expect(stderr).toBe(`Port ${holder.port} is already in use on 127.0.0.1: stop the server that holds it, or choose another port with --port ${next} (npm run demo -- --port ${next}) or PORT=${next}.\n`);
    } finally {
      holder.close();
    }
  }, 30_000);

  it('explains an option it does not take', async () => {
    const { code, stderr } = await run(['--prot', '8001']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Unknown option '--prot'.*The demo takes --port N \(npm run demo -- --port 8001\)\.\n$/);
  });
});
