import 'reflect-metadata';
import { container as rootContainer, inject, injectable, injectAll } from 'tsyringe';
import { Controller, createApp, Depends, Get } from '@deft/core';
import { TestClient } from '@deft/testing';

const quiet = { fastify: { logger: false } } as const;

/** A class decorator that does nothing but make TypeScript emit the constructor's types. */
const Typed = (): ClassDecorator => () => undefined;

describe('the singletons Deft makes live in the app frame', () => {
  it('disposes them when the app closes, dependents first, never after a request', async () => {
    const events: string[] = [];
    @injectable()
    class Pool {
      [Symbol.asyncDispose]() {
        events.push('pool disposed');
        return Promise.resolve();
      }
    }
    @injectable()
    class Cache {
      constructor(readonly pool: Pool) {}
      // tsyringe's Disposable shape: a dispose() without parameters
      dispose() {
        events.push('cache disposed');
      }
    }
    @Controller()
    class C {
      @Get('/')
      read(cache: Cache, @Depends(Pool) pool: Pool) {
        return { same: cache.pool === pool };
      }
    }
    const app = createApp({ controllers: [C], ...quiet });
    const client = new TestClient(app);
    expect((await client.get('/')).json()).toEqual({ same: true });
    expect((await client.get('/')).json()).toEqual({ same: true });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual([]);
    await app.close();
    expect(events).toEqual(['cache disposed', 'pool disposed']);
  });

  it('builds an undecorated class itself, without applying tsyringe\'s @injectable() to it', async () => {
    class Clock {
      now() {
        return 'noon';
      }
    }
    @Typed()
    class Greeter {
      constructor(readonly clock: Clock) {}
    }
    @Controller()
    class C {
      @Get('/')
      read(greeter: Greeter) {
        return { at: greeter.clock.now() };
      }
    }
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    expect((await client.get('/')).json()).toEqual({ at: 'noon' });
    // tsyringe itself still knows nothing of Greeter's constructor: Deft changed nothing on the class.
    expect(() => rootContainer.createChildContainer().resolve(Greeter)).toThrow(/TypeInfo not known for "Greeter"/);
    await client.app.close();
  });

  it("resolves tsyringe's @inject and @injectAll tokens for the classes it builds", async () => {
    const parent = rootContainer.createChildContainer();
    parent.register('greeting', { useValue: 'hello' });
    parent.register('plugin', { useValue: 'a' });
    parent.register('plugin', { useValue: 'b' });
    @Typed()
    class Greeter {
      constructor(
        @inject('greeting') readonly greeting: string,
        @injectAll('plugin') readonly plugins: string[],
      ) {}
    }
    @Controller()
    class C {
      @Get('/')
      read(greeter: Greeter) {
        return { greeting: greeter.greeting, plugins: greeter.plugins };
      }
    }
    const client = new TestClient(createApp({ controllers: [C], container: parent, ...quiet }));
    expect((await client.get('/')).json()).toEqual({ greeting: 'hello', plugins: ['a', 'b'] });
    await client.app.close();
  });
});
