import 'reflect-metadata';
import { Controller, Get, RequestContext } from '@deft/core';
import { loggedApp } from '../support/logged-app';

/**
 * `request.log` is pino's child of the app's logger, with the request id
 * bound: it writes at the levels enabled and nothing below them, makes
 * children that keep the id, follows the app logger's level, and has the
 * app's custom levels.
 */
@Controller()
class Logging {
  @Get('/quiet-and-loud')
  both(context: RequestContext) {
    context.request.log.info('quiet');
    context.request.log.debug({ detail: 1 }, 'quieter');
    context.request.log.warn({ part: 'a' }, 'loud');
    return { level: context.request.log.level };
  }

  @Get('/child')
  child(context: RequestContext) {
    context.request.log.child({ part: 'b' }).warn('from a child');
    return null;
  }

  @Get('/info')
  info(context: RequestContext) {
    context.request.log.info('now heard');
    return null;
  }

  @Get('/audit')
  audit(context: RequestContext) {
    (context.request.log as unknown as { audit(message: string): void }).audit('custom');
    return null;
  }
}

interface Line {
  level: number;
  msg: string;
  reqId?: string;
  part?: string;
  detail?: number;
}


describe("a request's logger", () => {
  it('writes at the levels enabled, with the request id bound, and nothing below them', async () => {
    const { client, lines } = loggedApp<Line>([Logging], { level: 'warn' });
    const first = await client.get('/quiet-and-loud');
    const second = await client.get('/quiet-and-loud');
    expect(first.json()).toEqual({ level: 'warn' });
    expect(second.status).toBe(200);
    expect(lines.map(({ level, msg, part }) => ({ level, msg, part }))).toEqual([
      { level: 40, msg: 'loud', part: 'a' },
      { level: 40, msg: 'loud', part: 'a' },
    ]);
    expect(lines[0]!.reqId).toMatch(/^req-/);
    expect(lines[1]!.reqId).not.toBe(lines[0]!.reqId);
  });

  it('makes children that keep the request id', async () => {
    const { client, lines } = loggedApp<Line>([Logging], { level: 'warn' });
    await client.get('/child');
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'from a child', part: 'b', reqId: expect.stringMatching(/^req-/) as unknown })]);
  });

  it("follows the app logger's level when it changes", async () => {
    const { app, client, lines } = loggedApp<Line>([Logging], { level: 'warn' });
    await client.get('/info');
    expect(lines).toEqual([]);
    await app.fastify.ready();
    app.fastify.log.level = 'info';
    await client.get('/info');
    expect(lines.filter((line) => line.msg === 'now heard')).toHaveLength(1);
  });

  it("is pino's own child where the app has custom levels", async () => {
    const { client, lines } = loggedApp<Line>([Logging], { level: 'warn', customLevels: { audit: 45 } });
    expect((await client.get('/audit')).status).toBe(200);
    expect(lines.filter((line) => line.msg === 'custom')).toEqual([expect.objectContaining({ level: 45, reqId: expect.stringMatching(/^req-/) as unknown })]);
  });
});
