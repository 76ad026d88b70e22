import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repositoryRoot = join(__dirname, '..', '..');

/** A package of `packages/` that is published (not marked private). */
export interface WorkspacePackage {
  readonly dir: string;
  readonly name: string;
  readonly version: string;
}

export function publishablePackages(): WorkspacePackage[] {
  const root = join(repositoryRoot, 'packages');
  return readdirSync(root)
    .map((folder) => {
      const dir = join(root, folder);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; private?: boolean };
      return { dir, name: manifest.name, version: manifest.version, private: manifest.private === true };
    })
    .filter((pkg) => !pkg.private)
    .map(({ dir, name, version }) => ({ dir, name, version }));
}

/** pnpm as the repository runs it (`npx -y pnpm@10`), so `workspace:` ranges are rewritten as on publish. */
export function pnpm(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): string {
  return execFileSync('npx', ['-y', 'pnpm@10', ...args], { cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Packs the package with pnpm and unpacks the tarball; returns the unpacked `package/` folder. */
export function packAndUnpack(pkg: WorkspacePackage): string {
  const out = mkdtempSync(join(tmpdir(), 'deft-pack-'));
  pnpm(['pack', '--pack-destination', out], { cwd: pkg.dir });
  const tarball = readdirSync(out).find((file) => file.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${pkg.name} into ${out}`);
  execFileSync('tar', ['-xzf', join(out, tarball), '-C', out]);
  return join(out, 'package');
}
