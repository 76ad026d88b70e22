import 'reflect-metadata';
import { container as rootContainer, injectable, Lifecycle, type Disposable } from 'tsyringe';
import { Controller, createApp, Depends, Get } from '@deft/core';
import { TestClient } from '@deft/testing';

const quiet = { fastify: { logger: false } } as const;

describe('services from the tsyringe container', () => {
  @injectable()
  class Database {
    readonly id = Math.random();
  }
  @injectable()
  class Repository {
    constructor(readonly db: Database) {}
  }
  @Controller()
  class C {
    constructor(private readonly repository: Repository) {}
    @Get('/')
    read(repository: Repository, @Depends(Database) db: Database) {
      return { sameRepository: repository === this.repository, sameDb: db === repository.db, db: db.id };
    }
  }

  it('resolves services by type, as singletons of the app, into controllers, handlers and dependencies', async () => {
    const client = new TestClient(createApp({ controllers: [C], ...quiet }));
    const first = (await client.get('/')).json<{ db: number }>();
    expect(first).toEqual({ sameRepository: true, sameDb: true, db: expect.any(Number) });
    expect((await client.get('/')).json<{ db: number }>().db).toBe(first.db);
    const other = new TestClient(createApp({ controllers: [C], ...quiet }));
    expect((await other.get('/')).json<{ db: number }>().db).not.toBe(first.db);
  });

  it('never registers anything in the global container', () => {
    createApp({ controllers: [C], ...quiet });
    expect(rootContainer.isRegistered(Repository)).toBe(false);
    expect(rootContainer.isRegistered(Database)).toBe(false);
  });

  it('gives each request its own container-scoped services, disposed after the response', async () => {
    const disposed: number[] = [];
    let count = 0;
    let finish!: () => void;
    const allDisposed = new Promise<void>((resolve) => (finish = resolve));
    @injectable()
    class UnitOfWork implements Disposable {
      readonly n = ++count;
      dispose() {
        disposed.push(this.n);
        if (disposed.length === 2) finish();
      }
    }
    const parent = rootContainer.createChildContainer();
    parent.register(UnitOfWork, { useClass: UnitOfWork }, { lifecycle: Lifecycle.ContainerScoped });
    @Controller()
    class Scoped {
      @Get('/')
      read(a: UnitOfWork, @Depends(UnitOfWork) b: UnitOfWork) {
        return { n: a.n, same: a === b };
      }
    }
    const client = new TestClient(createApp({ controllers: [Scoped], container: parent, ...quiet }));
    expect((await client.get('/')).json()).toEqual({ n: 1, same: true });
    expect((await client.get('/')).json()).toEqual({ n: 2, same: true });
    await allDisposed;
    expect(disposed.sort()).toEqual([1, 2]);
  });
});
