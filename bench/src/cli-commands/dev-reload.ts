import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../harness/free-port';
import { DeftRun, newScratchApp, removeScratchApp } from './scratch-app';

/**
 * `deft dev`'s reload: the time from saving a source file to the first
 * request that the new code answers (polled every 5 ms), for the project
 * `deft new` makes. Usage: node bench/dist/cli-commands/dev-reload.js [saves]
 */
async function main(): Promise<void> {
  const saves = Number(process.argv[2] ?? 10);
  const root = newScratchApp('dev-reload');
  const port = await freePort();
  const dev = new DeftRun(['dev', '--port', String(port)], root);
  await dev.until(/Watching for changes/);
  const file = join(root, 'src', 'items', 'items-controller.ts');
  const original = readFileSync(file, 'utf8');
  const times: number[] = [];
  try {
    for (let i = 1; i <= saves; i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const started = performance.now();
      writeFileSync(file, original.replace('return { token };', `return { token, save: ${i} };`));
      for (;;) {
        const body = (await (await fetch(`http://127.0.0.1:${port}/items/`, { headers: { Authorization: 'Bearer x' } }).catch(() => undefined))?.json().catch(() => undefined)) as { save?: number } | undefined;
        if (body?.save === i) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      times.push(performance.now() - started);
    }
  } finally {
    await dev.stop();
    removeScratchApp(root);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`save → first request served by the new code, ${saves} saves: median ${median.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`);
  console.log(`each: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
