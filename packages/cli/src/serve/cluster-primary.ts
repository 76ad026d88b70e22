import cluster, { type Worker } from 'node:cluster';
import pc from 'picocolors';
import { portInUseMessage } from './listen-address';
import { PORT_IN_USE_EXIT, SERVE_ENTRY, SERVE_SPEC_ENV, type ListeningMessage, type ServeSpec } from './serve-app';

/** How long workers get to finish their requests on shutdown before they are killed. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * `deft start --workers N`: N processes on Node's cluster module sharing one
 * port, as uvicorn's and `fastapi run`'s `--workers` do. A worker that dies
 * after it was serving is replaced; one that cannot start is not (it would
 * fail again), and when none can, the primary stops.
 */
export function runCluster(spec: ServeSpec, workers: number): void {
  let shuttingDown = false;
  let announced = false;
  const serving = new Set<Worker>();
  const env = { [SERVE_SPEC_ENV]: JSON.stringify(spec), NODE_ENV: process.env.NODE_ENV ?? 'production' };
  cluster.setupPrimary({ exec: SERVE_ENTRY, args: [] });

  const stopAll = (code: number) => {
    shuttingDown = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
    if (alive.length === 0) process.exit(code);
    const timer = setTimeout(() => alive.forEach((w) => w.process.kill('SIGKILL')), SHUTDOWN_GRACE_MS);
    timer.unref();
    cluster.on('exit', () => {
      if (Object.values(cluster.workers ?? {}).every((w) => w === undefined || w.isDead())) process.exit(code);
    });
    for (const worker of alive) worker.process.kill('SIGTERM');
  };

  const start = () => {
    const worker = cluster.fork(env);
    worker.on('message', (message: ListeningMessage) => {
      if (message.type !== 'deft:listening') return;
      serving.add(worker);
      if (!announced && serving.size === workers) {
        announced = true;
        console.log(`${pc.green('Deft')} serving on ${pc.bold(message.address)} with ${workers} worker${workers === 1 ? '' : 's'} (primary pid ${process.pid})`);
        if (message.docsPath) console.log(`  Docs:  ${pc.cyan(message.address + message.docsPath)}`);
      }
    });
    worker.on('exit', (code, signal) => {
      const wasServing = serving.delete(worker);
      if (shuttingDown) return;
      if (code === PORT_IN_USE_EXIT) {
        console.error(pc.red(portInUseMessage(spec)));
        stopAll(1);
      } else if (wasServing) {
        console.error(pc.yellow(`Worker ${worker.process.pid} died (${signal ?? `exit code ${code}`}); starting another.`));
        start();
      } else if (serving.size === 0 && Object.values(cluster.workers ?? {}).every((w) => w === undefined || w.isDead() || w === worker)) {
        console.error(pc.red('No worker could start the app (see the error above).'));
        stopAll(1);
      }
    });
  };

  for (let i = 0; i < workers; i++) start();
  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));
}
