import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * docs/cli.md against the CLI's own `--help`: a section for every command,
 * every flag of a command in its section's tables, and no flag there that
 * the command does not have.
 */
const root = join(__dirname, '..', '..');
const page = readFileSync(join(root, 'docs', 'cli.md'), 'utf8');
const DEFT = join(root, 'packages', 'cli', 'dist', 'bin', 'deft.js');

function help(args: string[]): string {
  return execFileSync(process.execPath, [DEFT, ...args, '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

/** The lines of one block of commander's help ("Options:", "Commands:"), continuation lines dropped. */
function entries(text: string, block: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`${block}:`);
  if (start < 0) return [];
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    const match = /^ {2}(\S.*?)(?: {2,}|$)/.exec(line);
    if (match) out.push(match[1]!);
  }
  return out;
}

/** The page's section for `deft <command>`, up to the next `## `. */
function section(command: string): string {
  const start = page.indexOf(`## \`deft ${command}`);
  if (start < 0) return '';
  const next = page.indexOf('\n## ', start + 1);
  return page.slice(start, next < 0 ? undefined : next);
}

/** The flags the first column of a section's tables names. */
function tableFlags(text: string): string[] {
  return [...text.matchAll(/^\| `(-[^`]+)` \|/gm)].map((match) => match[1]!);
}

const commands = entries(help([]), 'Commands')
  .map((entry) => entry.split(/[\s|]/)[0]!)
  .filter((name) => name !== 'help');

describe('docs/cli.md', () => {
  it('finds the commands', () => {
    expect(commands).toEqual(['new', 'dev', 'start', 'openapi', 'routes', 'generate']);
  });

  it.each(commands)('has a section for deft %s with each of its flags, and no others', (command) => {
    const text = section(command);
    expect(text).not.toBe('');
    const flags = entries(help([command]), 'Options').filter((flags) => flags !== '-h, --help');
    expect(tableFlags(text).sort()).toEqual(flags.sort());
  });

  it('lists the options every command has', () => {
    const common = page.slice(page.indexOf('## Options of every command'));
    expect(tableFlags(common).sort()).toEqual(entries(help([]), 'Options').sort());
  });

  it('gives npm create deft the flags of deft new', () => {
    const create = execFileSync(process.execPath, [join(root, 'packages', 'create-deft', 'dist', 'create-deft.js'), '--help'], { encoding: 'utf8' });
    expect(entries(create, 'Options').filter((flags) => flags !== '-v, --version')).toEqual(entries(help(['new']), 'Options'));
  });

  it('names the kinds deft generate takes', () => {
    const kinds = /choices: (.*)\)/.exec(help(['generate']).replace(/\s+/g, ' '))![1]!.match(/"(\w+)"/g)!.map((kind) => kind.slice(1, -1));
    expect([...section('generate').matchAll(/^\| `(\w+)` \|/gm)].map((match) => match[1])).toEqual(kinds);
  });
});
