import 'reflect-metadata';
import { Controller, Cookie, createApp, defineDependency, Depends, Get, Header, HTTPException, Path, Query, RequestContext, WebSocket, WebSocketConnection, WebSocketDisconnect, type DeftApp } from '@deft/core';
import { TestClient, WebSocketDenied } from '@deft/testing';
import { startupError } from '../support/client';
import { trackedResource, until, type Endings } from '../support/lifecycle';

const endings: Endings = new Map();

const currentUser = defineDependency({ token: Query('token', { type: String, default: null }), header: Header('x-token', { type: String, default: null }) }, ({ token, header }) => {
  const given = token ?? header;
  if (given !== 'secret') throw new HTTPException(401, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' });
  return 'alice';
});

@Controller()
class Sockets {
  @WebSocket('/echo')
  async echo(socket: WebSocketConnection) {
    for await (const message of socket) {
      if (typeof message === 'string') await socket.sendText(`echo: ${message}`);
      else await socket.sendBytes(Buffer.concat([Buffer.from('bytes:'), message]));
    }
  }

  @WebSocket('/rooms/{room}')
  async room(
    @Path('room') room: string,
    @Query('limit', { type: Number }) limit: number,
    @Cookie('session', { type: String, default: null }) session: string | null,
    @Depends(currentUser) user: string,
    @Depends(trackedResource(endings, 'room')) _resource: string,
    socket: WebSocketConnection,
  ) {
    await socket.sendJson({ room, limit, session, user });
    const reply = await socket.receiveJson<{ say: string }>();
    await socket.sendJson({ said: reply.say });
  }

  @WebSocket('/boom')
  async boom(@Depends(trackedResource(endings, 'boom')) _r: string, socket: WebSocketConnection) {
    await socket.receiveText();
    throw new Error('the handler failed');
  }

  @WebSocket('/forever')
  async forever(@Depends(trackedResource(endings, 'forever')) _r: string, socket: WebSocketConnection) {
    await socket.sendText('ready');
    try {
      await socket.receiveText();
    } catch (error) {
      if (!(error instanceof WebSocketDisconnect)) throw error;
    }
  }
}

let app: DeftApp;
let client: TestClient;

beforeEach(() => {
  endings.clear();
  app = createApp({ controllers: [Sockets], fastify: { logger: false } });
  client = new TestClient(app);
});

afterEach(() => app.close());

describe('WebSocket routes', () => {
  it('sends and receives text and bytes in-process', async () => {
    const socket = await client.websocketConnect('/echo');
    socket.sendText('hello');
    expect(await socket.receiveText()).toBe('echo: hello');
    socket.sendBytes(Buffer.from([1, 2]));
    expect(await socket.receiveBytes()).toEqual(Buffer.concat([Buffer.from('bytes:'), Buffer.from([1, 2])]));
    expect(await socket.close()).toEqual({ code: 1000, reason: '', byServer: true });
  });

  it('reads path, query, header and cookie parameters and dependencies like an HTTP route, and tears down when the socket closes', async () => {
    const socket = await client.websocketConnect('/rooms/lobby', { query: { limit: '3', token: 'secret' }, cookies: { session: 's1' } });
    expect(await socket.receiveJson()).toEqual({ room: 'lobby', limit: 3, session: 's1', user: 'alice' });
    expect(endings.get('room')).toEqual(['setup']);
    socket.sendJson({ say: 'hi' });
    expect(await socket.receiveJson()).toEqual({ said: 'hi' });
    // The handler returned: the server closes the connection normally, then the teardown runs.
    expect((await socket.closed).code).toBe(1000);
    await until(() => endings.get('room')!.length === 2, 'the teardown');
    expect(endings.get('room')).toEqual(['setup', 'completed']);
    const byHeader = await client.websocketConnect('/rooms/lobby', { query: { limit: '1' }, headers: { 'x-token': 'secret' } });
    expect(await byHeader.receiveJson()).toMatchObject({ user: 'alice' });
    await byHeader.close();
  });

  it('refuses the handshake with the HTTP status of a dependency that raises, before the handler or any setup after it', async () => {
    const refused = await client.websocketConnect('/rooms/lobby', { query: { limit: '3', token: 'wrong' } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WebSocketDenied);
    const { status, headers, text } = refused as WebSocketDenied;
    expect([status, headers['www-authenticate'], text]).toEqual([401, 'Bearer', '{"detail":"Not authenticated"}']);
    expect(endings.get('room')).toBeUndefined();
  });

  it('closes with 1008 (policy violation) and the validation errors when parameters are invalid', async () => {
    const socket = await client.websocketConnect('/rooms/lobby', { query: { limit: 'many', token: 'secret' } });
    const closed = await socket.closed;
    expect(closed.code).toBe(1008);
    // The errors as JSON, cut to the 123 bytes a close frame can carry.
    expect(closed.reason).toMatch(/^\[\{"type":"float_parsing","loc":\["query","limit"\],"msg":"Input should be a valid number.*\.\.\.$/);
    await expect(socket.receiveText()).rejects.toBeInstanceOf(WebSocketDisconnect);
  });

  it('closes with 1011 when the handler throws, and the teardown sees the error', async () => {
    const socket = await client.websocketConnect('/boom');
    socket.sendText('go');
    expect((await socket.closed).code).toBe(1011);
    await until(() => endings.get('boom')!.length === 2, 'the teardown');
    expect(endings.get('boom')).toEqual(['setup', 'failed:Error:the handler failed']);
  });

  it('ends the connection normally when the client closes it', async () => {
    const socket = await client.websocketConnect('/forever');
    expect(await socket.receiveText()).toBe('ready');
    await socket.close(1000);
    await until(() => endings.get('forever')!.length === 2, 'the teardown');
    expect(endings.get('forever')).toEqual(['setup', 'completed']);
  });

  it('closes open connections with 1001 when the app closes, and their teardowns learn RequestAborted from the server', async () => {
    const socket = await client.websocketConnect('/forever');
    expect(await socket.receiveText()).toBe('ready');
    await app.close();
    expect((await socket.closed).code).toBe(1001);
    expect(endings.get('forever')).toEqual(['setup', 'aborted:server']);
  });

  it('answers a plain GET on a WebSocket path with 404, and leaves WebSocket routes out of the OpenAPI document', async () => {
    const res = await client.get('/echo');
    expect([res.status, res.json()]).toEqual([404, { detail: 'Not Found' }]);
    expect((await client.get('/rooms/lobby')).status).toBe(404);
    expect(endings.get('room')).toBeUndefined();
    expect(app.openapi().paths).toEqual({});
  });

  it('refuses a RequestContext in a WebSocket route, and a WebSocketConnection in an HTTP route, at start-up', () => {
    @Controller()
    class ContextInSocket {
      @WebSocket('/ws')
      ws(_context: RequestContext) {}
    }
    expect(startupError(ContextInSocket).code).toBe('DEFT_ERR_CONNECTION_MISMATCH');
    @Controller()
    class SocketInHttp {
      @Get('/')
      get(_socket: WebSocketConnection) {}
    }
    expect(startupError(SocketInHttp).message).toContain('takes a WebSocketConnection, which only a @WebSocket route has');
  });
});
