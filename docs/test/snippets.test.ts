import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectFiles } from '@deft/cli';

/**
 * Every TypeScript block in docs/, the README and the packages' READMEs is a copy of real, tested code: it must be
 * preceded by `<!-- snippet: <path from the repository root>[#region] -->` and
 * equal that file (or the lines between `// #region <name>` and
 * `// #endregion <name>` in it). The files themselves are compiled by the
 * build's type-check and run by their own tests (examples/*\/test,
 * docs/snippets/**\/*.test.ts).
 */
const root = join(__dirname, '..', '..');
const docs = join(root, 'docs');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

interface Block {
  file: string;
  line: number;
  lang: string;
  code: string;
  snippet: string | undefined;
  /** `<!-- scaffold[ esm]: <path> -->`: the file `deft new my-app --yes [--module esm]` writes. */
  scaffold: { path: string; esm: boolean } | undefined;
}

function blocks(file: string): Block[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const found: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]!);
    const marker = /^<!-- snippet: (\S+) -->$/.exec(lines[start - 1] ?? '');
    const scaffold = /^<!-- scaffold( esm)?: (\S+) -->$/.exec(lines[start - 1] ?? '');
    found.push({
      file,
      line: start + 1,
      lang: open[1] ?? '',
      code: body.join('\n'),
      snippet: marker?.[1],
      scaffold: scaffold ? { path: scaffold[2]!, esm: scaffold[1] !== undefined } : undefined,
    });
  }
  return found;
}

function region(text: string, name: string): string | undefined {
  const lines = text.split('\n');
  const begin = lines.findIndex((l) => l.trim() === `// #region ${name}`);
  const end = lines.findIndex((l) => l.trim() === `// #endregion ${name}`);
  if (begin < 0 || end < begin) return undefined;
  const inner = lines.slice(begin + 1, end).filter((l) => !/^\s*\/\/ #(end)?region /.test(l));
  const indent = Math.min(...inner.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return inner.map((l) => l.slice(indent)).join('\n');
}

/** The README of each package, as npm shows it. */
const packageReadmes = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name, 'README.md'))
  .filter((file) => existsSync(file));

const all = [...markdownFiles(docs), join(root, 'README.md'), ...packageReadmes].flatMap(blocks);
const typescript = all.filter((b) => (b.lang === 'ts' || b.lang === 'typescript') && b.scaffold === undefined);
const scaffolded = all.filter((b) => b.scaffold !== undefined);

/** The project `deft new my-app --yes` writes (with `--module esm` for the ES-module blocks). */
function scaffoldFile(path: string, esm: boolean): string | undefined {
  const options = { directory: '/projects/my-app', name: 'my-app', packageManager: 'npm', moduleSystem: esm ? 'esm' : 'commonjs', database: false, auth: true } as const;
  return projectFiles(options).get(path);
}

describe('documentation snippets', () => {
  it('finds the documentation', () => {
    expect(markdownFiles(docs).length).toBeGreaterThan(0);
    expect(packageReadmes.map((file) => relative(root, file))).toEqual(expect.arrayContaining(['packages/core/README.md', 'packages/security/README.md', 'packages/testing/README.md']));
  });

  it.each(typescript.map((b) => [`${relative(root, b.file)}:${b.line}`, b] as const))('%s is a tested file', (_name, block) => {
    expect(block.snippet).toBeDefined();
    const [path = '', name] = (block.snippet ?? '').split('#');
    const file = join(root, path);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    const expected = name === undefined ? text.trimEnd() : region(text, name);
    expect(expected).toBeDefined();
    expect(block.code.trimEnd()).toBe(expected);
  });

  it('finds the blocks that show a new project', () => {
    expect(scaffolded.map((b) => relative(root, b.file))).toEqual(expect.arrayContaining(['docs/start-a-project.md', 'docs/first-steps.md']));
  });

  it.each(scaffolded.map((b) => [`${relative(root, b.file)}:${b.line}`, b] as const))('%s is what deft new writes', (_name, block) => {
    const expected = scaffoldFile(block.scaffold!.path, block.scaffold!.esm);
    expect(expected).toBeDefined();
    expect(block.code.trimEnd()).toBe(expected!.trimEnd());
  });
});
