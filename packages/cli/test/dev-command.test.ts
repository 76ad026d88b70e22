import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { DeftProcess, freePort, newProject, removeScratchDirs } from './support/run-deft';

const bearer = { headers: { Authorization: 'Bearer abc' } };

describe('deft dev', () => {
  let root: string;
  let dev: DeftProcess;
  let base: string;
  beforeAll(async () => {
    root = await newProject('dev', ['--yes']);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dev = new DeftProcess(['dev', '--port', String(port)], root);
    await dev.waitFor(/Watching for changes/);
  }, 60_000);
  afterAll(async () => {
    await dev?.stop();
    removeScratchDirs();
  });

  it('serves the app and prints where its docs are', async () => {
    expect(dev.text).toContain(`Deft dev server listening on ${base}\n  Docs:  ${base}/docs\n`);
    expect((await fetch(`${base}/items/`)).status).toBe(401);
    expect((await fetch(`${base}/docs`)).status).toBe(200);
  });

  it('restarts on a saved change', async () => {
    const file = join(root, 'src/items/items-controller.ts');
    const mark = dev.text.length;
    writeFileSync(file, readFileSync(file, 'utf8').replace('return { token };', "return { token, edited: 'yes' };"));
    await dev.waitFor(/Restarted in \d+ ms/, mark);
    expect(await (await fetch(`${base}/items/`, bearer)).json()).toEqual({ token: 'abc', edited: 'yes' });
  }, 30_000);

  it('prints a compile error and keeps the last good server', async () => {
    const file = join(root, 'src/items/items-controller.ts');
    const good = readFileSync(file, 'utf8');
    let mark = dev.text.length;
    writeFileSync(file, good.replace("return { token, edited: 'yes' };", 'return { token: token.toFixed() };'));
    await dev.waitFor(/1 compile error: the last good build keeps running\. Save a fix to reload\./, mark);
    expect(dev.text.slice(mark)).toMatch(/src\/items\/items-controller\.ts\(11,\d+\): error TS\d+: Property 'toFixed' does not exist on type 'string'/);
    expect(await (await fetch(`${base}/items/`, bearer)).json()).toEqual({ token: 'abc', edited: 'yes' });

    mark = dev.text.length;
    writeFileSync(file, good.replace("return { token, edited: 'yes' };", "return { token, edited: 'again' };"));
    await dev.waitFor(/Restarted in \d+ ms/, mark);
    expect(await (await fetch(`${base}/items/`, bearer)).json()).toEqual({ token: 'abc', edited: 'again' });
  }, 30_000);

  it('reports an app that fails at start-up with its message, and waits for a fix', async () => {
    const file = join(root, 'src/items/items-controller.ts');
    const good = readFileSync(file, 'utf8');
    let mark = dev.text.length;
    // A path placeholder that no parameter reads: Deft refuses the app at start-up.
    writeFileSync(file, good.replace("@Get('/{item_id}'", "@Get('/{item_id}/{extra}'"));
    await dev.waitFor(/deft dev restarts it when you save a change\./, mark);
    expect(dev.text.slice(mark)).toMatch(/DEFT_ERR_\w+: .*\{extra\}/);
    expect(dev.text.slice(mark)).not.toMatch(/\n\s+at /);

    mark = dev.text.length;
    writeFileSync(file, good);
    await dev.waitFor(/Restarted in \d+ ms/, mark);
    expect((await fetch(`${base}/items/`)).status).toBe(401);
  }, 30_000);

  it('stops the server on Ctrl+C', async () => {
    expect(await dev.stop()).toBe(0);
    await expect(fetch(`${base}/items/`)).rejects.toThrow();
  });
});

describe('deft dev on a busy port', () => {
  afterAll(removeScratchDirs);

  it('names the port and how to choose another, then stops', async () => {
    const root = await newProject('dev-busy', ['--yes']);
    const port = await freePort();
    const holder = createServer().listen(port, '127.0.0.1');
    try {
      const dev = new DeftProcess(['dev'], root, { PORT: String(port) });
      expect(await dev.exited).toBe(1);
      expect(dev.text).toContain(`Port ${port} is already in use on 127.0.0.1: stop the server that holds it, or choose another port with --port ${port + 1} or PORT=${port + 1}.\n`);
      expect(dev.text).not.toMatch(/\n\s+at /);
    } finally {
      holder.close();
    }
  }, 60_000);
});
