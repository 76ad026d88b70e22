import 'reflect-metadata';
import { Body, Controller, createApp, Get, Post } from '@deft/core';

@Controller()
class NotesController {
  @Get('/notes')
  list() {
    return [{ id: 1, text: 'ship it' }];
  }

  @Post('/notes')
  create(@Body({ type: Object }) note: Record<string, unknown>) {
    return note;
  }
}

// #region production
export const app = createApp({
  controllers: [NotesController],
  // Refuse what no client of this API sends: bodies over 64 KiB, JSON nested past 32 levels.
  limits: { bodySize: 64 * 1024, jsonDepth: 32 },
  // Longer than the load balancer's idle timeout (60 s), so it never reuses a connection the app just closed.
  timeouts: { keepAlive: 65_000, shutdown: 20_000 },
  // 503 with Retry-After while the event loop lags more than 500 ms.
  loadShedding: { maxEventLoopDelay: 500, retryAfter: 5 },
  // 100 requests a minute per client address (behind a proxy, set fastify.trustProxy so it is the client's).
  rateLimit: { max: 100, timeWindow: '1 minute' },
  fastify: { trustProxy: true },
});
// #endregion production
