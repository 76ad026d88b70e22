import 'reflect-metadata';
import { Controller, Get, HTTPException, Int, Path, Query, RequestValidationError } from '@deft/core';
import { TestClient } from '@deft/testing';
import { appFor } from '../support/client';

class UnicornException extends Error {
  constructor(readonly name_: string) {
    super(`unicorn ${name_}`);
  }
}
class RainbowUnicorn extends UnicornException {}

@Controller()
class Unicorns {
  @Get('/unicorns/{name}')
  read(@Path('name') name: string) {
    if (name === 'yolo') throw new UnicornException(name);
    if (name === 'rainbow') throw new RainbowUnicorn(name);
    return { unicorn_name: name };
  }
  @Get('/items/{item_id}')
  item(@Path('item_id', { type: Int }) itemId: number) {
    if (itemId === 3) throw new HTTPException(418, 'Nope! I don\'t like 3.');
    return { item_id: itemId };
  }
  @Get('/crash')
  crash() {
    throw new Error('boom');
  }
  @Get('/search')
  search(@Query('q', { minLength: 2 }) q: string) {
    return q;
  }
}

function client(configure: (app: ReturnType<typeof appFor>) => void): TestClient {
  const app = appFor(Unicorns);
  configure(app);
  return new TestClient(app);
}

describe('a handler for your own error class', () => {
  const unicorns = client((app) =>
    app.exceptionHandler(UnicornException, (error, _request, reply) => {
      reply.code(418);
      return { message: `Oops! ${error.name_} did something. There goes a rainbow...` };
    }),
  );

  it('renders the errors of that class: a returned value is sent as JSON with the status set on reply', async () => {
    const res = await unicorns.get('/unicorns/yolo');
    expect(res.status).toBe(418);
    expect(res.json()).toEqual({ message: 'Oops! yolo did something. There goes a rainbow...' });
    expect((await unicorns.get('/unicorns/shinny')).json()).toEqual({ unicorn_name: 'shinny' });
  });

  it('renders the errors of its subclasses too', async () => {
    expect((await unicorns.get('/unicorns/rainbow')).json()).toEqual({ message: 'Oops! rainbow did something. There goes a rainbow...' });
  });

  it('leaves other errors to the defaults', async () => {
    expect((await unicorns.get('/items/3')).json()).toEqual({ detail: "Nope! I don't like 3." });
  });

  it('gives way to a handler for a more specific class', async () => {
    const both = client((app) =>
      app
        .exceptionHandler(UnicornException, (_error, _request, reply) => reply.code(418).send({ handler: 'unicorn' }))
        .exceptionHandler(RainbowUnicorn, (_error, _request, reply) => reply.code(418).send({ handler: 'rainbow' })),
    );
    expect((await both.get('/unicorns/yolo')).json()).toEqual({ handler: 'unicorn' });
    expect((await both.get('/unicorns/rainbow')).json()).toEqual({ handler: 'rainbow' });
  });

  it('may be async and send the reply itself', async () => {
    const sending = client((app) =>
      app.exceptionHandler(UnicornException, async (error, _request, reply) => {
        await Promise.resolve();
        return reply.code(400).type('text/plain').send(error.message);
      }),
    );
    const res = await sending.get('/unicorns/yolo');
    expect([res.status, res.headers['content-type'], res.text]).toEqual([400, 'text/plain', 'unicorn yolo']);
  });

  it('may re-throw to keep the default response (after logging, say)', async () => {
    const seen: string[] = [];
    const rethrowing = client((app) =>
      app.exceptionHandler(HTTPException, (error) => {
        seen.push(String(error.detail));
        throw error;
      }),
    );
    const res = await rethrowing.get('/items/3');
    expect(res.status).toBe(418);
    expect(res.json()).toEqual({ detail: "Nope! I don't like 3." });
    expect(seen).toEqual(["Nope! I don't like 3."]);
  });
});

describe('replacing the default handlers', () => {
  const plain = client((app) =>
    app
      .exceptionHandler(HTTPException, (error, _request, reply) => reply.code(error.statusCode).type('text/plain').send(String(error.detail)))
      .exceptionHandler(RequestValidationError, (error, _request, reply) =>
        reply.code(400).type('text/plain').send(error.errors.map((e) => `${e.loc.join('.')}: ${e.msg}`).join('\n')),
      ),
  );

  it('renders HTTPException your way', async () => {
    const res = await plain.get('/items/3');
    expect([res.status, res.headers['content-type'], res.text]).toEqual([418, 'text/plain', "Nope! I don't like 3."]);
  });

  it('renders validation errors your way, with every error available', async () => {
    const res = await plain.get('/items/foo');
    expect([res.status, res.text]).toEqual([400, 'path.item_id: Input should be a valid integer, unable to parse string as an integer']);
    expect((await plain.get('/items/2')).json()).toEqual({ item_id: 2 });
  });
});

describe('a handler for Error', () => {
  const catchAll = client((app) =>
    app.exceptionHandler(Error, (_error, _request, reply) => reply.code(503).send({ detail: 'Try again later' })),
  );

  it('renders unexpected errors instead of the 500', async () => {
    const res = await catchAll.get('/crash');
    expect(res.status).toBe(503);
    expect(res.json()).toEqual({ detail: 'Try again later' });
  });

  it('does not take over HTTPException or validation errors, which keep their own handlers', async () => {
    expect((await catchAll.get('/items/3')).status).toBe(418);
    const invalid = await catchAll.get('/search', { query: { q: 'a' } });
    expect(invalid.status).toBe(422);
    expect(invalid.json()).toEqual({ detail: [expect.objectContaining({ type: 'string_too_short', loc: ['query', 'q'] })] });
  });
});
