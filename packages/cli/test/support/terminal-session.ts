import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DEFT_BIN } from './run-deft';

/** util-linux's `script`, which runs a command on a pseudo-terminal of its own (Debian's bsdutils, always installed). */
export const SCRIPT = '/usr/bin/script';
export const hasScript = existsSync(SCRIPT);

// eslint-disable-next-line no-control-regex -- what is stripped are the terminal's escape sequences, which start with ESC
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g;
const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * `deft ...` on a pseudo-terminal, as a person at a terminal runs it: the
 * questions are asked, and `answer` types keys once the screen shows a text.
 */
export class TerminalSession {
  private screen = '';
  private readonly child: ChildProcess;
  private readonly waiting: { shown: (screen: string) => boolean; resolve: () => void }[] = [];
  readonly exited: Promise<number | null>;

  constructor(args: readonly string[], cwd: string) {
    // A pseudo-terminal made without one around it is 0 columns wide: give it a real size first, wide enough
    // that a message naming a scratch folder is not wrapped however deep the checkout is.
    const command = `stty cols 240 rows 40; exec ${quote(process.execPath)} ${[DEFT_BIN, ...args].map(quote).join(' ')}`;
    this.child = spawn(SCRIPT, ['-qfec', command, '/dev/null'], { cwd, env: { ...process.env, TERM: 'xterm-256color' }, stdio: 'pipe' });
    this.child.stdout!.on('data', (chunk: Buffer) => {
      this.screen += chunk.toString().replace(ANSI, '');
      for (const wait of this.waiting.filter((w) => w.shown(this.screen))) {
        this.waiting.splice(this.waiting.indexOf(wait), 1);
        wait.resolve();
      }
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** Everything the terminal showed so far, without colours and cursor moves. */
  get output(): string {
    return this.screen;
  }

  /** Waits for the screen to show `pattern` (counting only what came after `since` characters), then types `keys`. */
  async answer(pattern: RegExp, keys: string, since = 0): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const shown = (screen: string) => pattern.test(screen.slice(since));
      if (shown(this.screen)) return resolve();
      const timer = setTimeout(() => reject(new Error(`the terminal never showed ${pattern}; it showed:\n${this.screen}`)), 15_000);
      this.waiting.push({
        shown,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
    this.child.stdin!.write(keys);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

export const KEY = { enter: '\r', down: '\x1b[B', ctrlC: '\x03' } as const;
