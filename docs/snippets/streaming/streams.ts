import 'reflect-metadata';
import { IsNumber, IsString } from 'class-validator';
import { Controller, createApp, Depends, EventSourceResponse, Get, Header, ServerSentEvent, StreamingResponse } from '@deft/core';

// #region jsonl
class Item {
  @IsString() name!: string;
  @IsNumber() price!: number;
}

const items = [
  { name: 'Plumbus', price: 3.5, supplier: 'internal' },
  { name: 'Portal Gun', price: 999.99, supplier: 'internal' },
];

@Controller()
class ItemsController {
  @Get('/items/stream', { responseModel: Item })
  async *streamItems() {
    for (const item of items) yield item;
  }
}
// #endregion jsonl

// #region raw
@Controller()
class VideoController {
  @Get('/video', { responseClass: StreamingResponse })
  async *video() {
    for (let frame = 0; frame < 3; frame++) yield Buffer.from(`frame ${frame};`);
  }
}
// #endregion raw

// #region teardown
export const log: string[] = [];

async function* openCursor() {
  log.push('cursor opened');
  try {
    yield { rows: ['a', 'b', 'c'] };
  } finally {
    log.push('cursor closed');
  }
}

@Controller()
class ExportController {
  @Get('/export', { responseClass: StreamingResponse })
  async *export(@Depends(openCursor) cursor: { rows: string[] }) {
    for (const row of cursor.rows) {
      log.push(`sent ${row}`);
      yield `${row}\n`;
    }
  }
}
// #endregion teardown

// #region sse
@Controller()
class EventsController {
  @Get('/items/events', { responseClass: EventSourceResponse, responseModel: Item })
  async *itemEvents(@Header('last-event-id', { type: String, default: null }) lastEventId: string | null) {
    const start = lastEventId === null ? 0 : Number(lastEventId) + 1;
    for (let i = start; i < items.length; i++) {
      yield new ServerSentEvent({ data: items[i], event: 'item', id: String(i) });
    }
  }

  @Get('/greetings', { responseClass: EventSourceResponse })
  async *greetings() {
    yield 'hello';
    yield { to: 'world' };
  }
}
// #endregion sse

export const app = createApp({ controllers: [ItemsController, VideoController, ExportController, EventsController] });
