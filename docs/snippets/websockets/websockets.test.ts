import { TestClient, WebSocketDenied } from '@deft/testing';
import { app } from './sockets';

afterAll(() => app.close());

describe('docs/websockets.md', () => {
  // #region test
  it('echoes what the client sends', async () => {
    const client = new TestClient(app);
    const socket = await client.websocketConnect('/ws');
    socket.sendText('hello');
    expect(await socket.receiveText()).toBe('Message text was: hello');
    await socket.close();
  });
  // #endregion test

  it('reads parameters and dependencies from the handshake', async () => {
    const client = new TestClient(app);
    const socket = await client.websocketConnect('/items/foo/ws', { query: { q: '3' }, cookies: { session: 'fake-session' } });
    socket.sendText('hi');
    expect(await socket.receiveText()).toBe('Session cookie or query token value is: fake-session');
    expect(await socket.receiveText()).toBe('Query parameter q is: 3');
    expect(await socket.receiveText()).toBe('Message text was: hi, for item ID: foo');
    await socket.close();
  });

  it('refuses the handshake when a dependency raises, and closes with 1008 on invalid parameters', async () => {
    const client = new TestClient(app);
    const refused = await client.websocketConnect('/items/foo/ws').catch((error: unknown) => error);
    expect([refused instanceof WebSocketDenied, (refused as WebSocketDenied).status, (refused as WebSocketDenied).text]).toEqual([true, 403, '{"detail":"Not allowed"}']);
    const invalid = await client.websocketConnect('/items/foo/ws', { query: { token: 't', q: 'x' } });
    expect((await invalid.closed).code).toBe(1008);
  });
});
