import 'reflect-metadata';
import { Controller, createApp, Depends, Get, HTTPException } from '@deft/core';
import { keepTickObject } from '../harness/tick-object';

/**
 * The server of the abort benchmark: `node dist/hardening/abort-server.js <port>`.
 * Every route holds resources (request- and function-scoped generator
 * dependencies) that count themselves; `GET /_resources` reports how many
 * were made, how many are still open, and how many were torn down more than
 * once. Prints `listening` when ready.
 */
let made = 0;
let twice = 0;
const open = new Set<number>();
const closed = new Set<number>();

function resource(scope: 'request' | 'function') {
  return Depends(
    async function* () {
      const id = ++made;
      open.add(id);
      try {
        yield id;
      } finally {
        if (closed.has(id)) twice++;
        open.delete(id);
        closed.add(id);
      }
    },
    { scope },
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

@Controller()
class Work {
  @Get('/fast')
  fast(@resource('request') a: number) {
    return { a };
  }

  @Get('/slow')
  async slow(@resource('request') a: number, @resource('function') b: number) {
    await pause(1 + Math.floor(Math.random() * 20));
    return { a, b };
  }

  @Get('/fails')
  async fails(@resource('request') _a: number) {
    await pause(Math.floor(Math.random() * 5));
    throw new HTTPException(409, 'conflict');
  }

  @Get('/_resources')
  resources() {
    return { made, open: open.size, twice };
  }
}

async function main(): Promise<void> {
  keepTickObject();
  const app = createApp({ controllers: [Work], timeouts: { idle: 2000, keepAlive: 2000 }, fastify: { logger: false } });
  await app.listen({ port: Number(process.argv[2]) });
  process.stdout.write('listening\n');
  process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
