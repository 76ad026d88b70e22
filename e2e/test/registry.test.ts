import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, Server } from '../support/commands';
import { freePort } from '../support/ports';
import { cleanEnvironment, LocalRegistry } from '../support/registry';
import { pnpm, publishablePackages } from '../support/workspace-packages';

/**
 * The whole way a new user goes, on real parts: every package published to a
 * private registry on loopback (verdaccio, which proxies this machine's npm
 * registry for the rest), then, in a folder outside the workspace, an app
 * made with `npm create deft@latest`, installed with plain npm, built,
 * tested and served.
 *
 * It installs a few hundred packages, so it runs under CI (.ci/run) and where
 * DEFT_REGISTRY_TEST=1 asks for it.
 */
const enabled = Boolean(process.env.CI) || process.env.DEFT_REGISTRY_TEST === '1';
if (!enabled) console.info('The registry test (npm create deft from a private registry) runs under CI=true or DEFT_REGISTRY_TEST=1.');
const describeRegistry = enabled ? describe : describe.skip;

describeRegistry('a new app from the published packages', () => {
  let work: string;
  let registry: LocalRegistry;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'deft-registry-'));
    registry = await LocalRegistry.start(work);
    const npmrc = join(work, 'npmrc');
    writeFileSync(npmrc, `registry=${registry.url}\n${registry.authLine}\n`);
    // The machine's npm settings (CA bundle, Node headers for native builds) stay; the registry and cache are the test's.
    env = cleanEnvironment({
      npm_config_registry: registry.url, npm_config_cache: join(work, 'npm-cache'), npm_config_update_notifier: 'false',
      // `npm create` installs create-deft without asking (this machine's npmrc says yes=false).
      npm_config_yes: 'true',
      // picocolors colours output under CI; the assertions read plain text.
      NO_COLOR: '1', npm_config_fund: 'false', npm_config_audit: 'false' });
    for (const pkg of publishablePackages()) {
      pnpm(['publish', '--no-git-checks', '--registry', registry.url], { cwd: pkg.dir, env: { ...env, npm_config_userconfig: npmrc } });
    }
  }, 300_000);

  afterAll(async () => {
    await registry?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('has every package, at the workspace version', async () => {
    for (const pkg of publishablePackages()) {
      const { stdout } = await run('npm', ['view', pkg.name, 'version'], { cwd: work, env });
      expect(`${pkg.name}@${stdout.trim()}`).toBe(`${pkg.name}@${pkg.version}`);
    }
  });

  it('makes a CommonJS app with npm create deft, which installs, builds, passes its tests and serves /items/ and /docs', async () => {
    const created = await run('npm', ['create', 'deft@latest', 'my-app', '--', '--yes'], { cwd: work, env });
    expect(created.stdout).toContain('Created my-app in my-app');
    const app = join(work, 'my-app');
    expect(JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')).dependencies['@deft/core']).toBe(`^${publishablePackages()[0]!.version}`);

    await run('npm', ['install'], { cwd: app, env });
    // With source maps on, a stack trace through @deft/core names its TypeScript files, which the package ships.
    const failing = "try { require('@deft/core').createApp({ controllers: [class NotAController {}] }) } catch (error) { console.log(error.stack) }";
    const trace = (await run('node', ['--enable-source-maps', '-e', failing], { cwd: app, env })).stdout;
    const named = [...trace.matchAll(/\((\/[^():]+\.ts):\d+:\d+\)/g)].map((match) => match[1]!);
    expect(named).toEqual(expect.arrayContaining([join(app, 'node_modules/@deft/core/src/app/create-app.ts')]));
    for (const file of named) expect(`${file}: ${existsSync(file)}`).toBe(`${file}: true`);
    await run('npm', ['run', 'build'], { cwd: app, env });
    const tests = await run('npm', ['test'], { cwd: app, env });
    expect(tests.stderr).toMatch(/Tests: +5 passed, 5 total/);

    const port = await freePort();
    const server = new Server('npm', ['start', '--', '--host', '127.0.0.1', '--port', String(port)], { cwd: app, env });
    try {
      await server.ready(/Docs: /);
      const base = `http://127.0.0.1:${port}`;
      const anonymous = await fetch(`${base}/items/`);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
      expect(await (await fetch(`${base}/items/`, { headers: { Authorization: 'Bearer foobar' } })).json()).toEqual({ token: 'foobar' });
      const docs = await fetch(`${base}/docs`);
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain('swagger-ui');
    } finally {
      await server.stop();
    }
  }, 900_000);

  it('makes an ES-module app with the database, served by deft dev', async () => {
    await run('npm', ['create', 'deft@latest', 'esm-app', '--', '--module', 'esm', '--database', '--no-auth'], { cwd: work, env });
    const app = join(work, 'esm-app');
    expect(JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'))).toMatchObject({ type: 'module' });
    await run('npm', ['install'], { cwd: app, env });
    const tests = await run('npm', ['test'], { cwd: app, env });
    expect(tests.stderr).toMatch(/Tests: +4 passed, 4 total/);

    const port = await freePort();
    const server = new Server('npm', ['run', 'dev', '--', '--port', String(port)], { cwd: app, env: { ...env, DATABASE_FILE: join(work, 'esm.sqlite') } });
    try {
      await server.ready(/Docs: /);
      const base = `http://127.0.0.1:${port}`;
      const created = await fetch(`${base}/items/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Lamp', price: 30 }) });
      expect(created.status).toBe(201);
      expect(await (await fetch(`${base}/items/`)).json()).toEqual([{ id: 1, name: 'Lamp', description: null, price: 30 }]);
      expect((await fetch(`${base}/docs`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  }, 900_000);

});
