import type { FastifyInstance } from 'fastify';

/**
 * Runs `register` on the root instance once every plugin registered before
 * it has loaded (a plugin that skips Fastify's encapsulation, as
 * fastify-plugin makes one). Deft's routes are registered this way, so
 * plugins that set routes up as they are added (@fastify/compress, helmet's
 * per-route options, @fastify/swagger) see them.
 */
export function afterPlugins(fastify: FastifyInstance, register: (root: FastifyInstance) => void): void {
  const plugin = async (root: FastifyInstance): Promise<void> => register(root);
  Object.defineProperty(plugin, Symbol.for('skip-override'), { value: true });
  void fastify.register(plugin);
}
