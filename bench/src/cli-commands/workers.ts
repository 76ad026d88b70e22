import { execFileSync } from 'node:child_process';
import { runLoad } from '../harness/load';
import { freePort } from '../harness/free-port';
import { DeftRun, newScratchApp, removeScratchApp } from './scratch-app';

/**
 * `deft start --workers N`: requests per second on the seed route
 * (`GET /items/` with a bearer token) of the project `deft new` makes, with
 * 1 and 2 workers, autocannon in this process.
 * Usage: node bench/dist/cli-commands/workers.js [seconds] [connections]
 */
async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 10);
  const connections = Number(process.argv[3] ?? 32);
  const root = newScratchApp('workers');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  const request = { method: 'GET' as const, path: '/items/', headers: { authorization: 'Bearer foobar' } };
  for (const workers of [1, 2]) {
    const port = await freePort();
    const server = new DeftRun(['start', '--host', '127.0.0.1', '--port', String(port), '--workers', String(workers)], root);
    try {
      await server.until(/Docs: /);
      await runLoad(`http://127.0.0.1:${port}`, [request], { connections, seconds: 2 });
      const result = await runLoad(`http://127.0.0.1:${port}`, [request], { connections, seconds });
      const statuses = Object.entries(result.statuses).map(([code, count]) => `${code}×${count}`).join(' ');
      console.log(`${workers} worker${workers === 1 ? ' ' : 's'}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms (${statuses}, ${result.errors} errors, ${seconds} s, ${connections} connections)`);
    } finally {
      await server.stop();
    }
  }
  removeScratchApp(root);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
