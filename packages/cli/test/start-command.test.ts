import { createServer, type Server } from 'node:net';
import { childPids, DeftProcess, freePort, newProject, removeScratchDirs, runDeft, runNode } from './support/run-deft';

const TSC = require.resolve('typescript/bin/tsc');

/** Holds a port the way another server would. */
function occupy(port: number): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer().listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('deft start', () => {
  let root: string;
  beforeAll(async () => {
    root = await newProject('start', ['--yes']);
  });
  afterAll(removeScratchDirs);

  it('asks for a build when there is none', async () => {
    const result = await runDeft(['start'], { cwd: root });
    expect(result).toMatchObject({ code: 1, stderr: 'dist/app.js is missing: build the app first (npm run build), or run deft dev, which builds it.\n' });
  });

  describe('with a build', () => {
    beforeAll(async () => {
      expect((await runNode([TSC, '-p', 'tsconfig.build.json'], { cwd: root })).code).toBe(0);
    }, 60_000);

    it('serves the built app in one process', async () => {
      const port = await freePort();
      const server = new DeftProcess(['start', '--host', '127.0.0.1'], root, { PORT: String(port) });
      try {
        await server.waitFor(/Docs: /);
        expect(server.text).toContain(`Deft serving on http://127.0.0.1:${port} (pid ${server.pid})`);
        expect((await fetch(`http://127.0.0.1:${port}/items/`)).status).toBe(401);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    }, 30_000);

    it('runs workers that share the port and replaces one that dies', async () => {
      const port = await freePort();
      const server = new DeftProcess(['start', '--port', String(port), '--host', '127.0.0.1', '--workers', '2'], root);
      try {
        await server.waitFor(/Docs: /);
        expect(server.text).toContain(`Deft serving on http://127.0.0.1:${port} with 2 workers`);
        const workers = childPids(server.pid);
        expect(workers).toHaveLength(2);
        const mark = server.text.length;
        process.kill(workers[0]!, 'SIGKILL');
        await server.waitFor(new RegExp(`Worker ${workers[0]} died \\(SIGKILL\\); starting another\\.`), mark);
        expect((await fetch(`http://127.0.0.1:${port}/items/`)).status).toBe(401);
        const deadline = Date.now() + 20_000;
        while (childPids(server.pid).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
        const now = childPids(server.pid);
        expect(now).toHaveLength(2);
        expect(now).not.toContain(workers[0]);
      } finally {
        expect(await server.stop()).toBe(0);
      }
    }, 40_000);

    it.each([[[]], [['--workers', '2']]])('names the busy port and how to choose another (%j)', async (extra) => {
      const port = await freePort();
      const holder = await occupy(port);
      try {
        const result = await runDeft(['start', '--host', '127.0.0.1', '--port', String(port), ...extra], { cwd: root });
        expect(result.code).toBe(1);
        expect(result.stderr).toBe(`Port ${port} is already in use on 127.0.0.1: stop the server that holds it, or choose another port with --port ${port + 1} or PORT=${port + 1}.\n`);
      } finally {
        holder.close();
      }
    }, 30_000);

    it('explains a port that is not a number', async () => {
      const result = await runDeft(['start', '--port', 'eighty'], { cwd: root });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('"eighty" is not a port: give a whole number from 0 to 65535, such as 8000.');
      const fromEnv = await runDeft(['start'], { cwd: root, env: { PORT: '99999' } });
      expect(fromEnv).toMatchObject({ code: 1, stderr: 'PORT= "99999" is not a port: give a whole number from 0 to 65535, such as 8000.\n' });
    });
  });
});
