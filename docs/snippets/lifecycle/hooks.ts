import 'reflect-metadata';
import { BackgroundTasks, Controller, createApp, Get, requestContext } from '@deft/core';

/** Lines the hook's background task writes, for the tests. */
export const accessLog: string[] = [];

@Controller()
class PingController {
  @Get('/ping')
  ping(tasks: BackgroundTasks) {
    tasks.addTask(() => accessLog.push('ping handled'));
    return { pong: true };
  }
}

export const app = createApp({ controllers: [PingController] });

// #region hook
app.fastify.addHook('onRequest', async (request, reply) => {
  const context = requestContext(request, reply);
  context.setHeader('x-request-id', request.id);
  context.backgroundTasks.addTask(() => accessLog.push(`${request.method} ${request.url}`));
});
// #endregion hook
