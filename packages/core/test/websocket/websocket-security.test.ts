import 'reflect-metadata';
import { Controller, createApp, Security, WebSocket, WebSocketConnection } from '@deft/core';
import { APIKeyQuery, OAuth2PasswordBearer } from '@deft/security';
import { TestClient, WebSocketDenied } from '@deft/testing';

const oauth2Scheme = new OAuth2PasswordBearer({ tokenUrl: 'token' });
const queryKey = new APIKeyQuery({ name: 'token' });

@Controller()
class Secured {
  @WebSocket('/bearer')
  async bearer(@Security(oauth2Scheme, ['chat']) token: string, socket: WebSocketConnection) {
    await socket.sendText(`token ${token}`);
  }

  @WebSocket('/key')
  async key(@Security(queryKey) key: string, socket: WebSocketConnection) {
    await socket.sendText(`key ${key}`);
  }
}

const app = createApp({ controllers: [Secured], fastify: { logger: false } });
const client = new TestClient(app);

afterAll(() => app.close());

describe('security schemes on WebSocket routes', () => {
  it('reads a bearer token from the handshake, and refuses one without it with the scheme\'s own 401', async () => {
    const socket = await client.websocketConnect('/bearer', { headers: { authorization: 'Bearer foobar' } });
    expect(await socket.receiveText()).toBe('token foobar');
    const refused = (await client.websocketConnect('/bearer').catch((error: unknown) => error)) as WebSocketDenied;
    expect([refused.status, refused.headers['www-authenticate'], refused.text]).toEqual([401, 'Bearer', '{"detail":"Not authenticated"}']);
  });

  it('reads an API key from the query, which a browser can send', async () => {
    const socket = await client.websocketConnect('/key', { query: { token: 'k1' } });
    expect(await socket.receiveText()).toBe('key k1');
    expect(((await client.websocketConnect('/key').catch((error: unknown) => error)) as WebSocketDenied).status).toBe(401);
  });
});
