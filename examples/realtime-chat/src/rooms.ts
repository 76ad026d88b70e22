import type { WebSocketConnection } from '@deft/core';

/** Who is in which room; one for the app (a singleton of its container). */
export class Rooms {
  private readonly rooms = new Map<string, Set<WebSocketConnection>>();

  join(room: string, socket: WebSocketConnection): void {
    const members = this.rooms.get(room) ?? new Set();
    members.add(socket);
    this.rooms.set(room, members);
  }

  leave(room: string, socket: WebSocketConnection): void {
    this.rooms.get(room)?.delete(socket);
    if (this.rooms.get(room)?.size === 0) this.rooms.delete(room);
  }

  /** Sends to every open connection of the room. */
  async broadcast(room: string, message: unknown): Promise<void> {
    const members = [...(this.rooms.get(room) ?? [])].filter((socket) => socket.open);
    await Promise.allSettled(members.map((socket) => socket.sendJson(message)));
  }
}
