import 'reflect-metadata';
import { Controller, Cookie, createApp, defineDependency, Depends, HTTPException, Path, Query, WebSocket, WebSocketConnection } from '@deft/core';

// #region echo
@Controller()
class EchoController {
  @WebSocket('/ws')
  async echo(socket: WebSocketConnection) {
    for await (const message of socket) {
      await socket.sendText(`Message text was: ${String(message)}`);
    }
  }
}
// #endregion echo

// #region depends
const cookieOrToken = defineDependency(
  { session: Cookie('session', { type: String, default: null }), token: Query('token', { type: String, default: null }) },
  ({ session, token }) => {
    if (session === null && token === null) throw new HTTPException(403, 'Not allowed');
    return session ?? token!;
  },
);

@Controller()
class ItemsController {
  @WebSocket('/items/{item_id}/ws')
  async itemEvents(
    @Path('item_id') itemId: string,
    @Query('q', { type: Number, default: null }) q: number | null,
    @Depends(cookieOrToken) credential: string,
    socket: WebSocketConnection,
  ) {
    for await (const message of socket) {
      await socket.sendText(`Session cookie or query token value is: ${credential}`);
      if (q !== null) await socket.sendText(`Query parameter q is: ${q}`);
      await socket.sendText(`Message text was: ${String(message)}, for item ID: ${itemId}`);
    }
  }
}
// #endregion depends

export const app = createApp({ controllers: [EchoController, ItemsController] });
