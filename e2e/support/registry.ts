import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './ports';

/** The registry this machine's npm uses: verdaccio proxies it for everything not published locally. */
export function upstreamRegistry(): string {
  return execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8', env: cleanEnvironment() }).trim();
}

/**
 * The environment without what `npm test` puts into its scripts
 * (`npm_config_*`, `npm_lifecycle_*`, ...), so that a nested npm reads its
 * own configuration and the registry the test names.
 */
export function cleanEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD' && key !== 'NODE_ENV'));
  return { ...env, ...extra };
}

function config(dir: string, upstream: string): string {
  return `storage: ${join(dir, 'storage')}
auth:
  htpasswd:
    file: ${join(dir, 'htpasswd')}
uplinks:
  upstream:
    url: ${upstream}
    timeout: 120s
    max_fails: 5
packages:
  # Deft's packages come only from what the test publishes, never from upstream.
  '@deft/*':
    access: $all
    publish: $authenticated
  'create-deft':
    access: $all
    publish: $authenticated
  '**':
    access: $all
    proxy: upstream
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
`;
}

/** verdaccio on loopback, with a user to publish as. */
export class LocalRegistry {
  private constructor(
    readonly url: string,
    readonly token: string,
    private readonly server: ChildProcess,
    readonly log: () => string,
  ) {}

  static async start(dir: string): Promise<LocalRegistry> {
    const port = await freePort();
    const file = join(dir, 'config.yaml');
    writeFileSync(file, config(dir, upstreamRegistry()));
    const bin = require.resolve('verdaccio/bin/verdaccio');
    // npm's CA bundle (this machine's cafile) is the one verdaccio's uplink needs too.
    const cafile = execFileSync('npm', ['config', 'get', 'cafile'], { encoding: 'utf8', env: cleanEnvironment() }).trim();
    const env = cleanEnvironment(cafile && cafile !== 'null' && cafile !== 'undefined' ? { NODE_EXTRA_CA_CERTS: cafile } : {});
    const server = spawn(process.execPath, [bin, '--config', file, '--listen', `127.0.0.1:${port}`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = `http://127.0.0.1:${port}/`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`verdaccio exited (${server.exitCode}):\n${output}`);
      const ping = await fetch(`${url}-/ping`).catch(() => undefined);
      if (ping?.ok) break;
      if (Date.now() > deadline) throw new Error(`verdaccio did not answer on ${url} within 60 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // The CouchDB user endpoint `npm adduser` calls: creates the user and answers a token.
    const user = await fetch(`${url}-/user/org.couchdb.user:deft`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'deft', password: 'deft-e2e-password' }),
    });
    const { token } = (await user.json()) as { token?: string };
    if (!user.ok || !token) throw new Error(`verdaccio refused the test user (${user.status})`);
    return new LocalRegistry(url, token, server, () => output);
  }

  /** `//127.0.0.1:PORT/:_authToken=...`, for an .npmrc. */
  get authLine(): string {
    return `${this.url.replace(/^http:/, '')}:_authToken=${this.token}`;
  }

  stop(): Promise<void> {
    if (this.server.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.server.once('exit', () => resolve());
      this.server.kill('SIGTERM');
    });
  }
}
