import 'reflect-metadata';
import { join } from 'node:path';
import { Controller, createApp, Get, staticFiles } from '@deft/core';

@Controller()
class MainController {
  @Get('/app')
  readMain() {
    return { message: 'Hello World from main app' };
  }
}

@Controller()
class SubController {
  @Get('/sub')
  readSub() {
    return { message: 'Hello World from sub API' };
  }
}

// #region mount
export const app = createApp({ controllers: [MainController] });
export const subapi = createApp({ controllers: [SubController], title: 'Sub API' });

app.mount('/subapi', subapi);
app.mount('/static', staticFiles({ root: join(__dirname, 'static') }));
// #endregion mount
