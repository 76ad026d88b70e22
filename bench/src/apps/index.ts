import type { ImplementationName } from '../implementations';

/** Something that listens on a port and closes: each Node implementation's app. */
export interface Listening {
  close(): Promise<unknown>;
}

/** Builds a Node implementation's app and starts it on 127.0.0.1:`port`. */
export async function startNodeApp(name: Exclude<ImplementationName, 'fastapi'>, port: number): Promise<Listening> {
  switch (name) {
    case 'deft':
    case 'deft-middleware':
    case 'deft-default-logger': {
      const { createDeftApp } = await import('./deft/app.js');
      const app = createDeftApp({ middleware: name === 'deft-middleware', defaultLogger: name === 'deft-default-logger' });
      await app.listen({ port });
      return app;
    }
    case 'fastify':
    case 'fastify-timing-hooks': {
      const { createFastifyApp } = await import('./fastify/app.js');
      const app = createFastifyApp({ timingHooks: name === 'fastify-timing-hooks' });
      await app.listen({ host: '127.0.0.1', port });
      return app;
    }
    case 'nest':
    case 'nest-request-scope': {
      const { createNestApp } = await import('./nest/app.js');
      const app = await createNestApp(name === 'nest' ? 'singleton' : 'request-scope');
      await app.listen(port, '127.0.0.1');
      return app;
    }
  }
}
