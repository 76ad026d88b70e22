import 'reflect-metadata';
import { Controller, createApp, Get } from '@deft/core';

@Controller()
class HelloController {
  @Get('/hello')
  hello() {
    return { hello: 'world' };
  }
}

export const app = createApp({ controllers: [HelloController] });

// #region process-time
app.middleware(async (_ctx, callNext) => {
  const started = performance.now();
  const response = await callNext();
  response.headers.set('x-process-time', ((performance.now() - started) / 1000).toFixed(6));
  return response;
});
// #endregion process-time

// #region maintenance
let maintenance = false;
export const setMaintenance = (on: boolean) => void (maintenance = on);

app.middleware(async (ctx, callNext) => {
  if (maintenance && ctx.url !== '/health') {
    return new Response(JSON.stringify({ detail: 'Down for maintenance' }), {
      status: 503,
      headers: { 'content-type': 'application/json', 'retry-after': '120' },
    });
  }
  return callNext();
});
// #endregion maintenance
