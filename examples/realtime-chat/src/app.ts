import 'reflect-metadata';
import { Controller, createApp, Depends, EventSourceResponse, Form, Get, Header, HTMLResponse, Path, Post, Query, ServerSentEvent, WebSocket, WebSocketConnection, type DeftApp } from '@deft/core';
import { completion } from './assistant';
import { currentUser } from './current-user';
import { CHAT_PAGE } from './page';
import { Rooms } from './rooms';
import { createToken } from './tokens';

// #region chat
@Controller()
class ChatController {
  constructor(private readonly rooms: Rooms) {}

  @Get('/', { responseClass: HTMLResponse })
  page() {
    return CHAT_PAGE;
  }

  /** A demo login: any name gets a token (a real app checks a password, as in the security guide). */
  @Post('/token')
  async token(@Form('username') username: string) {
    return { access_token: await createToken(username), token_type: 'bearer' };
  }

  @WebSocket('/ws/{room}')
  async chat(@Path('room') room: string, @Depends(currentUser) user: string, socket: WebSocketConnection) {
    this.rooms.join(room, socket);
    await this.rooms.broadcast(room, { system: `${user} joined ${room}` });
    try {
      for await (const message of socket) {
        await this.rooms.broadcast(room, { user, text: String(message) });
      }
    } finally {
      this.rooms.leave(room, socket);
      await this.rooms.broadcast(room, { system: `${user} left` });
    }
  }
}
// #endregion chat

// #region assistant
@Controller()
class AssistantController {
  /**
   * Streams the assistant's answer as server-sent events, each token with
   * its index as the event id. A browser that lost the connection comes back
   * with `Last-Event-ID` and gets the rest, not the whole answer again.
   */
  @Get('/assistant', { responseClass: EventSourceResponse })
  async *answer(
    @Query('prompt') prompt: string,
    @Depends(currentUser) _user: string,
    @Header('last-event-id', { type: String, default: null }) lastEventId: string | null,
  ) {
    const skip = lastEventId === null ? 0 : Number(lastEventId) + 1;
    let index = 0;
    for await (const token of completion(prompt)) {
      if (index >= skip) yield new ServerSentEvent({ data: { token }, id: String(index) });
      index++;
    }
    yield new ServerSentEvent({ event: 'done', data: { tokens: index } });
  }
}
// #endregion assistant

export function createChatApp(): DeftApp {
  return createApp({ controllers: [ChatController, AssistantController], title: 'Realtime chat', fastify: { logger: false } });
}
