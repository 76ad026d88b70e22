import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { packAndUnpack, publishablePackages, repositoryRoot } from '../support/workspace-packages';

interface Manifest {
  name: string;
  engines?: { node?: string };
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  exports?: Record<string, { types?: string; default?: string } | string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const packages = publishablePackages();

/**
 * What `npm install` gets: the tarball pnpm makes (as `pnpm publish` would),
 * unpacked, checked for what a plain npm client and Node need from it.
 */
describe.each(packages.map((pkg) => [pkg.name, pkg] as const))('the %s tarball', (_name, pkg) => {
  let root: string;
  let manifest: Manifest;
  beforeAll(() => {
    root = packAndUnpack(pkg);
    manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
  }, 60_000);

  it('has real version ranges, never the workspace protocol', () => {
    const ranges = { ...manifest.dependencies, ...manifest.peerDependencies };
    for (const [name, range] of Object.entries(ranges)) expect(`${name}@${range}`).not.toMatch(/workspace:/);
    for (const [name, range] of Object.entries(ranges).filter(([name]) => name.startsWith('@deft/'))) {
      expect(`${name}@${range}`).toBe(`${name}@^${pkg.version}`);
    }
  });

  it('says which Node.js it needs', () => {
    expect(manifest.engines?.node).toBe('>=20');
  });

  it('ships a README and the LICENSE', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toMatch(new RegExp(`^# ${manifest.name}`));
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toBe(readFileSync(join(repositoryRoot, 'LICENSE'), 'utf8'));
  });

  it('has the files its exports and bin name', () => {
    const targets = Object.values(manifest.exports ?? {}).flatMap((entry) => (typeof entry === 'string' ? [entry] : [entry.types, entry.default]));
    targets.push(manifest.main, manifest.types, ...Object.values(manifest.bin ?? {}));
    const named = targets.filter((target): target is string => target !== undefined);
    expect(named.length).toBeGreaterThan(0);
    for (const target of named) expect(`${target}: ${existsSync(join(root, target))}`).toBe(`${target}: true`);
  });

  it('ships the sources its source maps name', () => {
    const maps = walk(join(root, 'dist')).filter((file) => file.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(0);
    const missing = maps.flatMap((map) => {
      const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
      return sources.map((source) => join(dirname(map), source)).filter((source) => !existsSync(source));
    });
    expect(missing.map((file) => relative(root, file))).toEqual([]);
  });

  it('leaves out tests and build state', () => {
    const files = walk(root).map((file) => relative(root, file));
    expect(files.filter((file) => /(^|\/)test\/|\.test\.|tsbuildinfo|(^|\/)tsconfig[^/]*\.json$/.test(file))).toEqual([]);
  });
});
