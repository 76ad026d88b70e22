import 'reflect-metadata';
import Fastify from 'fastify';
import websocket from '@fastify/websocket';
import { Controller, createApp, WebSocket, WebSocketConnection } from '@deft/core';
import { announceListening } from '../harness/pinned-server';
import { keepTickObject } from '../harness/tick-object';

@Controller()
class Echo {
  @WebSocket('/echo')
  async echo(socket: WebSocketConnection) {
    for await (const message of socket) await socket.sendText(String(message));
  }
}

/** `node dist/websocket/echo-server.js deft|bare <port>`: an echo WebSocket route; prints `listening`. */
async function main(): Promise<void> {
  const [name, port] = process.argv.slice(2) as ['deft' | 'bare', string];
  keepTickObject();
  let close: () => Promise<unknown>;
  if (name === 'deft') {
    const app = createApp({ controllers: [Echo], fastify: { logger: false } });
    await app.listen({ port: Number(port) });
    close = () => app.close();
  } else {
    // A bare @fastify/websocket handler, as its README writes one.
    const app = Fastify({ logger: false });
    await app.register(websocket);
    app.get('/echo', { websocket: true }, (socket) => {
      socket.on('message', (message) => socket.send(message.toString()));
    });
    await app.listen({ port: Number(port), host: '127.0.0.1' });
    close = () => app.close();
  }
  announceListening(close);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
