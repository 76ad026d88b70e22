import type { FastifyInstance, FastifyPluginAsync, FastifyPluginCallback } from 'fastify';
import { isStaticFiles, STATIC_FILES, type StaticFiles } from './static-files';

/** What a mounted Deft app offers its parent: its own request handler, and its life. */
export interface MountableApp {
  readonly fastify: FastifyInstance;
  ready(): Promise<unknown>;
  close(): Promise<void>;
  /** Where the parent serves it: its root path (documents and docs pages use it). */
  mountedAt(rootPath: string): void;
}

export type MountTarget = MountableApp | StaticFiles | FastifyPluginAsync | FastifyPluginCallback;

/** `/sub`, `/sub/...` and `/sub?...` belong to a mount at `/sub`; `/subway` does not. */
function within(url: string, prefix: string): boolean {
  if (!url.startsWith(prefix)) return false;
  const next = url.charAt(prefix.length);
  return next === '' || next === '/' || next === '?';
}

function isMountableApp(target: MountTarget): target is MountableApp {
  return typeof target === 'object' && 'fastify' in target && typeof target.mountedAt === 'function';
}

/**
 * Serves `target` under `prefix` (FastAPI's `app.mount`): a whole Deft app,
 * which keeps its own routes, `/openapi.json` and docs pages and sees paths
 * without the prefix (its root path becomes the prefix); a folder of static
 * files; or any Fastify plugin, registered under the prefix. A mounted app
 * starts and closes with its parent. What is mounted is not part of the
 * parent's OpenAPI document.
 */
export function mount(fastify: FastifyInstance, rootPath: string, prefix: string, target: MountTarget): void {
  const path = `/${prefix.replace(/^\/+|\/+$/g, '')}`;
  if (isStaticFiles(target)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only by apps that serve files
    const fastifyStatic = require('@fastify/static') as typeof import('@fastify/static');
    void fastify.register(fastifyStatic.default, { ...target[STATIC_FILES], prefix: `${path}/`, decorateReply: false } as typeof target[typeof STATIC_FILES]);
    return;
  }
  if (!isMountableApp(target)) {
    void fastify.register(target, { prefix: path });
    return;
  }
  target.mountedAt(`${rootPath}${path}`);
  fastify.addHook('onReady', async () => {
    await target.ready();
  });
  fastify.addHook('onClose', async () => {
    await target.close();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw;
    if (!within(raw.url ?? '', path)) return done();
    // The mounted app answers this request itself, from its own routing: its URL without the prefix.
    reply.hijack();
    raw.url = raw.url!.slice(path.length) || '/';
    if (raw.url.startsWith('?')) raw.url = `/${raw.url}`;
    target.fastify.routing(raw, reply.raw);
  });
}
