import 'reflect-metadata';
import { connect, type Socket } from 'node:net';
import { Controller, createApp, WebSocket, WebSocketConnection, type DeftApp } from '@deft/core';
import { TestClient } from '@deft/testing';
import { listenOnLoopback, until } from '../support/lifecycle';

const MESSAGES = 128;
const MESSAGE_BYTES = 256 * 1024;
let sent = 0;

@Controller()
class Flow {
  /** Sends MESSAGES messages of MESSAGE_BYTES, each filled with its own letter, counting the sends that resolved. */
  @WebSocket('/flood')
  async flood(socket: WebSocketConnection) {
    for (let i = 0; i < MESSAGES; i++) {
      await socket.sendText(letter(i).repeat(MESSAGE_BYTES));
      sent++;
    }
    await socket.receiveText();
  }

  /** Reads nothing until the gate opens, then echoes every message. */
  @WebSocket('/late')
  async late(socket: WebSocketConnection) {
    await gate;
    for await (const message of socket) await socket.sendText(`late: ${String(message)}`);
  }

  /** Echoes until `stop`, then answers the next message outside the loop. */
  @WebSocket('/until-stop')
  async untilStop(socket: WebSocketConnection) {
    for await (const message of socket) {
      if (message === 'stop') break;
      await socket.sendText(`echo: ${String(message)}`);
    }
    await socket.sendText(`after the loop: ${await socket.receiveText()}`);
  }
}

const letter = (i: number) => String.fromCharCode(97 + (i % 26));
let openGate!: () => void;
let gate: Promise<void>;

/** Reads the unmasked frames a server sends (RFC 6455, 5.2): their payloads as text, once the handshake's response is past. */
function frameReader(socket: Socket) {
  let buffered = Buffer.alloc(0);
  let upgraded = false;
  const messages: string[] = [];
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    if (!upgraded) {
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) return;
      upgraded = buffered.subarray(0, 12).toString() === 'HTTP/1.1 101';
      buffered = buffered.subarray(end + 4);
    }
    for (;;) {
      if (buffered.length < 2) return;
      const short = buffered[1]! & 0x7f;
      const header = short === 127 ? 10 : short === 126 ? 4 : 2;
      if (buffered.length < header) return;
      const length = short === 127 ? Number(buffered.readBigUInt64BE(2)) : short === 126 ? buffered.readUInt16BE(2) : short;
      if (buffered.length < header + length) return;
      messages.push(buffered.subarray(header, header + length).toString());
      buffered = buffered.subarray(header + length);
    }
  });
  return { messages, upgraded: () => upgraded };
}

let app: DeftApp;

beforeEach(() => {
  sent = 0;
  gate = new Promise((resolve) => (openGate = resolve));
  app = createApp({ controllers: [Flow], fastify: { logger: false } });
});

afterEach(() => app.close());

describe('WebSocket flow control', () => {
  it('holds a sender up while its client reads nothing, and delivers every message in order once it reads', async () => {
    const socket = connect(await listenOnLoopback(app), '127.0.0.1');
    const reader = frameReader(socket);
    socket.write(
      'GET /flood HTTP/1.1\r\nHost: test\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    await until(() => reader.upgraded(), 'the handshake');
    socket.pause();
    // The kernel's buffers take a few MiB; past them, and past 64 KiB held unsent, the handler's sends wait.
    let before = -1;
    while (sent !== before) {
      before = sent;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(sent).toBeLessThan(MESSAGES);
    socket.resume();
    await until(() => reader.messages.length === MESSAGES, 'every message', 10_000);
    expect(sent).toBe(MESSAGES);
    expect(reader.messages.map((message) => message.length)).toEqual(Array(MESSAGES).fill(MESSAGE_BYTES));
    expect(reader.messages.map((message) => message[0]).join('')).toBe(Array.from({ length: MESSAGES }, (_, i) => letter(i)).join(''));
    socket.destroy();
  });

  it('stops reading past 16 messages ahead of a handler that is not receiving, and reads again once it does: none is lost', async () => {
    const socket = await new TestClient(app).websocketConnect('/late');
    for (let i = 0; i < 40; i++) socket.sendText(`m${i}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    openGate();
    const echoed = [];
    for (let i = 0; i < 40; i++) echoed.push(await socket.receiveText());
    expect(echoed).toEqual(Array.from({ length: 40 }, (_, i) => `late: m${i}`));
    await socket.close();
  });

  it('ends `for await` where the handler breaks, and the next message still reaches a receive after it', async () => {
    const socket = await new TestClient(app).websocketConnect('/until-stop');
    socket.sendText('one');
    expect(await socket.receiveText()).toBe('echo: one');
    socket.sendText('stop');
    socket.sendText('two');
    expect(await socket.receiveText()).toBe('after the loop: two');
    expect((await socket.close()).code).toBe(1000);
  });
});
