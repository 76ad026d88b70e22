import { createDeftApp } from '../src/apps/deft/app';
import { createFastifyApp } from '../src/apps/fastify/app';
import { createNestApp } from '../src/apps/nest/app';
import { findPython, PYTHON_MISSING_NOTE } from '../src/harness/python';
import { ServerProcess } from '../src/harness/server-process';
import { implementations, supports } from '../src/implementations';
import { scenarios } from '../src/scenarios';
import type { BenchRequest } from '../src/scenarios/scenario';
import { fetching, injecting, injectingRouting, type Answer, type Client } from './clients';

const requestsOf = (scenario: (typeof scenarios)[number]): BenchRequest[] => [...scenario.load, ...scenario.checks];
const describeRequest = (r: BenchRequest) =>
  `${r.method} ${r.path}${r.headers?.authorization ? ` (${r.headers.authorization})` : ''}${r.label ? ` (${r.label})` : ''}`;

/**
 * Every implementation of every scenario answers every request alike: the
 * Node ones byte for byte (status, content type, challenge header, body);
 * FastAPI 0.92 with the same statuses and the same bodies except for 422s,
 * whose items it writes in Pydantic v1's older shape.
 */
describe('the implementations of each scenario answer identically', () => {
  const clients = new Map<string, Client>();
  const closers: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    const deft = createDeftApp();
    const deftMiddleware = createDeftApp({ middleware: true });
    const deftDefaultLogger = createDeftApp({ defaultLogger: true });
    const fastify = createFastifyApp();
    await fastify.ready();
    const fastifyTimed = createFastifyApp({ timingHooks: true });
    await fastifyTimed.ready();
    const nest = await createNestApp('singleton');
    const nestScoped = await createNestApp('request-scope');
    clients.set('deft', injecting(deft));
    clients.set('deft-middleware', injecting(deftMiddleware));
    clients.set('deft-default-logger', injecting(deftDefaultLogger));
    clients.set('fastify', injectingRouting(fastify.routing));
    clients.set('fastify-timing-hooks', injectingRouting(fastifyTimed.routing));
    clients.set('nest', injecting(nest));
    clients.set('nest-request-scope', injecting(nestScoped));
    closers.push(() => deft.close(), () => deftMiddleware.close(), () => deftDefaultLogger.close(), () => fastify.close(), () => fastifyTimed.close(), () => nest.close(), () => nestScoped.close());
  });

  afterAll(async () => {
    for (const close of closers) await close();
  });

  for (const scenario of scenarios) {
    describe(scenario.name, () => {
      const node = implementations.filter((impl) => impl.runtime === 'node' && supports(impl, scenario.name));

      it.each(scenario.load.map((r) => [describeRequest(r), r] as const))('load request %s gets its expected status from Deft', async (_, request) => {
        expect((await clients.get('deft')!(request)).status).toBe(request.status);
      });

      it.each(requestsOf(scenario).map((r) => [describeRequest(r), r] as const))('%s', async (_, request) => {
        const answers = new Map<string, Answer>();
        for (const impl of node) answers.set(impl.name, await clients.get(impl.name)!(request));
        const deft = answers.get('deft');
        for (const [name, answer] of answers) expect({ impl: name, ...answer }).toEqual({ impl: name, ...deft });
      });
    });
  }
});

const python = findPython();
if (!python) console.info(PYTHON_MISSING_NOTE);
const describeFastApi = python ? describe : describe.skip;

describeFastApi('FastAPI answers like Deft (statuses; bodies except 422 items)', () => {
  let server: ServerProcess;
  let fastapi: Client;
  const deft = injecting(createDeftApp());

  beforeAll(async () => {
    server = await ServerProcess.start(implementations.find((i) => i.name === 'fastapi')!, { python });
    fastapi = fetching(server.url);
  }, 30_000);

  afterAll(async () => {
    await server?.stop();
  });

  const all = scenarios.flatMap((s) => requestsOf(s).map((r) => [`${s.name}: ${describeRequest(r)}`, r] as const));
  it.each(all)('%s', async (_, request) => {
    const [ours, theirs] = [await deft(request), await fastapi(request)];
    expect(theirs.status).toBe(ours.status);
    expect(theirs.wwwAuthenticate).toBe(ours.wwwAuthenticate);
    if (ours.status !== 422) expect(theirs.body).toBe(ours.body);
  });
});
