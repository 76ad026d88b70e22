import 'reflect-metadata';
import { Readable } from 'node:stream';
import { Controller, createApp, Delete, Get, Path, RequestContext } from '@deft/core';

@Controller()
class RawController {
  // #region raw
  @Get('/report.csv')
  report(context: RequestContext) {
    return context.reply.type('text/csv').send('name,price\nFoo,50.5\n');
  }

  @Get('/logo.png')
  logo() {
    return Buffer.from([0x89, 0x50, 0x4e, 0x47]);
  }

  @Get('/numbers')
  numbers() {
    return Readable.from(['1\n', '2\n', '3\n']);
  }
  // #endregion raw

  // #region no-content
  @Delete('/items/{item_id}', { statusCode: 204 })
  deleteItem(@Path('item_id') _itemId: string): void {}
  // #endregion no-content
}

export const app = createApp({ controllers: [RawController] });
