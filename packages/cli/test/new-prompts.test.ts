import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeScratchDirs, scratchDir } from './support/run-deft';
import { hasScript, KEY, SCRIPT, TerminalSession } from './support/terminal-session';

/** Skipped (with a note) where util-linux's `script` is missing, but never in CI. */
const describeWithTerminal = hasScript || process.env.CI ? describe : describe.skip;
if (!hasScript && !process.env.CI) console.warn(`${SCRIPT} is missing: the terminal tests of deft new are skipped`);

describeWithTerminal('deft new at a terminal', () => {
  const sessions: TerminalSession[] = [];
  const session = (args: readonly string[], cwd: string) => {
    const made = new TerminalSession(args, cwd);
    sessions.push(made);
    return made;
  };

  afterAll(() => {
    for (const s of sessions) s.kill();
    removeScratchDirs();
  });

  it('asks for every choice not given as a flag, and makes the project it was told', async () => {
    const parent = scratchDir('prompts');
    const terminal = session(['new'], parent);
    await terminal.answer(/Project folder/, `shop${KEY.enter}`);
    await terminal.answer(/Package manager[\s\S]*yarn/, `${KEY.down}${KEY.enter}`);
    await terminal.answer(/Module system[\s\S]*ES modules/, `${KEY.down}${KEY.enter}`);
    await terminal.answer(/OAuth2 bearer token[\s\S]*Yes \/ ○ No/, 'n');
    await terminal.answer(/SQLite database[\s\S]*○ Yes \/ ● No/, 'y');
    expect(await terminal.exited).toBe(0);
    expect(terminal.output).toContain('Created shop in shop (14 files; ES modules, SQLite)');
    expect(terminal.output).toMatch(/pnpm install\s+pnpm dev/);
    const manifest = JSON.parse(readFileSync(join(parent, 'shop', 'package.json'), 'utf8')) as { type: string; dependencies: object; pnpm?: object };
    expect(manifest.type).toBe('module');
    expect(manifest.pnpm).toEqual({ onlyBuiltDependencies: ['better-sqlite3'] });
    expect(Object.keys(manifest.dependencies)).toContain('better-sqlite3');
    expect(Object.keys(manifest.dependencies)).not.toContain('@deft/security');
  }, 30_000);

  it('asks only what the flags leave open', async () => {
    const parent = scratchDir('prompts-flags');
    const terminal = session(['new', 'shop', '--pm', 'npm', '--module', 'commonjs', '--auth'], parent);
    await terminal.answer(/SQLite database/, KEY.enter);
    expect(await terminal.exited).toBe(0);
    expect(terminal.output).not.toMatch(/Project folder|Package manager|Module system|OAuth2 bearer token\?/);
    expect(terminal.output).toContain('Created shop in shop (12 files; CommonJS, OAuth2 bearer)');
  }, 30_000);

  it('says why a folder cannot be used and asks again', async () => {
    const parent = scratchDir('prompts-taken');
    mkdirSync(join(parent, 'taken'));
    writeFileSync(join(parent, 'taken', 'notes.txt'), 'mine');
    const terminal = session(['new', '--pm', 'npm', '--module', 'commonjs', '--no-auth', '--no-database'], parent);
    await terminal.answer(/Project folder/, `taken${KEY.enter}`);
    const shown = terminal.output.length;
    await terminal.answer(/is not empty \(it has notes\.txt\)/, `\x7f\x7f\x7f\x7f\x7fshop${KEY.enter}`, shown);
    expect(await terminal.exited).toBe(0);
    expect(existsSync(join(parent, 'shop', 'package.json'))).toBe(true);
    expect(readFileSync(join(parent, 'taken', 'notes.txt'), 'utf8')).toBe('mine');
  }, 30_000);

  it('writes nothing when cancelled with Ctrl+C, and exits with 130', async () => {
    const parent = scratchDir('prompts-cancel');
    const terminal = session(['new'], parent);
    await terminal.answer(/Project folder/, `shop${KEY.enter}`);
    await terminal.answer(/Package manager/, KEY.ctrlC);
    expect(await terminal.exited).toBe(130);
    expect(terminal.output).toContain('Nothing was written.');
    expect(existsSync(join(parent, 'shop'))).toBe(false);
  }, 30_000);
});
