import { fork, type ChildProcess } from 'node:child_process';
import pc from 'picocolors';
import { portInUseMessage } from './listen-address';
import { PORT_IN_USE_EXIT, SERVE_ENTRY, SERVE_SPEC_ENV, type ListeningMessage, type ServeSpec } from './serve-app';

/** How long a server gets to close gracefully before it is killed on restart. */
const STOP_GRACE_MS = 1500;

export interface DevServerEvents {
  /** The server listens (after the first start or a restart). */
  onListening(message: ListeningMessage, restart: boolean): void;
  /** The port is taken: `deft dev` stops. */
  onPortInUse(message: string): void;
}

/**
 * The app's server as a child process that `deft dev` replaces after each
 * good build. The child runs with source maps, so stack traces name the
 * TypeScript files.
 */
export class DevServer {
  private child: ChildProcess | undefined;
  /** The next server, started ahead with @deft/core loaded, waiting for the next build. */
  private spare: ChildProcess | undefined;
  private hasStarted = false;

  constructor(
    private readonly spec: ServeSpec,
    private readonly events: DevServerEvents,
  ) {}

  /** Whether a server was started (it may have stopped since). */
  get started(): boolean {
    return this.hasStarted;
  }

  /** Stops the running server (if any) and starts one on the current build. */
  async restart(): Promise<void> {
    await this.stop();
    const restart = this.hasStarted;
    this.hasStarted = true;
    const child = this.spare && this.spare.exitCode === null ? this.spare : this.standby();
    this.spare = this.standby();
    child.send({ type: 'deft:serve' });
    this.child = child;
    child.on('message', (message: ListeningMessage) => {
      if (message.type === 'deft:listening') this.events.onListening(message, restart);
    });
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      if (code === PORT_IN_USE_EXIT) this.events.onPortInUse(portInUseMessage(this.spec));
      else console.error(pc.yellow(`The app stopped (${signal ?? `exit code ${code}`}); deft dev restarts it when you save a change.`));
    });
  }

  /**
   * A server process that has loaded the app's framework (the slow part of a
   * start) and waits to be told to load the build and listen.
   */
  private standby(): ChildProcess {
    return fork(SERVE_ENTRY, [], {
      execArgv: ['--enable-source-maps'],
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development', [SERVE_SPEC_ENV]: JSON.stringify({ ...this.spec, standby: true }) },
      stdio: 'inherit',
    });
  }

  /** Ends the server and the spare. */
  async close(): Promise<void> {
    this.spare?.kill('SIGKILL');
    this.spare = undefined;
    await this.stop();
  }

  /** Ends the server: SIGTERM (the app closes), then SIGKILL if it takes too long. */
  stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
