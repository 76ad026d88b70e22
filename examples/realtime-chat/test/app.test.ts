import { TestClient, WebSocketDenied } from '@deft/testing';
import { createChatApp } from '../src/app';

const app = createChatApp();
const client = new TestClient(app);

afterAll(() => app.close());

async function tokenFor(username: string): Promise<string> {
  return (await client.post('/token', { form: { username } })).json<{ access_token: string }>().access_token;
}

describe('realtime-chat example', () => {
  it('broadcasts to everyone in the room, with the user from the JWT, and only to that room', async () => {
    const [alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map(tokenFor));
    const aliceSocket = await client.websocketConnect('/ws/lobby', { query: { token: alice! } });
    expect(await aliceSocket.receiveJson()).toEqual({ system: 'alice joined lobby' });
    // The token as a subprotocol, as the browser page sends it.
    const bobSocket = await client.websocketConnect('/ws/lobby', { subprotocols: ['bearer', bob!] });
    expect(bobSocket.subprotocol).toBe('bearer');
    expect(await aliceSocket.receiveJson()).toEqual({ system: 'bob joined lobby' });
    expect(await bobSocket.receiveJson()).toEqual({ system: 'bob joined lobby' });
    const elsewhere = await client.websocketConnect('/ws/garden', { headers: { authorization: `Bearer ${carol!}` } });
    expect(await elsewhere.receiveJson()).toEqual({ system: 'carol joined garden' });

    aliceSocket.sendText('hello bob');
    expect(await aliceSocket.receiveJson()).toEqual({ user: 'alice', text: 'hello bob' });
    expect(await bobSocket.receiveJson()).toEqual({ user: 'alice', text: 'hello bob' });

    await aliceSocket.close();
    expect(await bobSocket.receiveJson()).toEqual({ system: 'alice left' });
    elsewhere.sendText('anyone?');
    expect(await elsewhere.receiveJson()).toEqual({ user: 'carol', text: 'anyone?' });
    await Promise.all([bobSocket.close(), elsewhere.close()]);
  });

  it('refuses the handshake without a valid token', async () => {
    const refused = await client.websocketConnect('/ws/lobby', { query: { token: 'forged' } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WebSocketDenied);
    expect((refused as WebSocketDenied).status).toBe(401);
  });

  it('streams the assistant token by token, and resumes after Last-Event-ID', async () => {
    const token = await tokenFor('alice');
    const res = await client.get('/assistant', { query: { prompt: 'hi', token } });
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    const events = res.text.trim().split('\n\n');
    expect(events[0]).toBe('data: {"token":"You "}\nid: 0');
    expect(events.at(-1)).toBe(`event: done\ndata: {"tokens":${events.length - 1}}`);
    const rest = await client.get('/assistant', { query: { prompt: 'hi', token }, headers: { 'last-event-id': '2' } });
    expect(rest.text.split('\n\n')[0]).toBe('data: {"token":"Streaming "}\nid: 3');
    expect((await client.get('/assistant', { query: { prompt: 'hi' } })).status).toBe(401);
  });
});
