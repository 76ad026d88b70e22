import 'reflect-metadata';
import { join } from 'node:path';
import { Controller, createApp, FileResponse, Get, HTMLResponse, Path, PlainTextResponse, Post, RedirectResponse } from '@deft/core';

const FILES = join(__dirname, 'files');

@Controller()
class PagesController {
  // #region html
  @Get('/items/', { responseClass: HTMLResponse })
  readItems() {
    return `
      <html>
        <head><title>Some HTML in here</title></head>
        <body><h1>Look ma! HTML!</h1></body>
      </html>`;
  }

  @Get('/health', { responseClass: PlainTextResponse })
  health() {
    return 'ok';
  }
  // #endregion html

  // #region redirect
  @Get('/typer', { responseClass: RedirectResponse })
  redirectTyper() {
    return 'https://typer.tiangolo.com';
  }

  @Post('/login', { responseClass: RedirectResponse, statusCode: 303 })
  login() {
    return '/items/';
  }
  // #endregion redirect

  // #region file
  @Get('/files/{name}', { responseClass: FileResponse })
  file(@Path('name', { pattern: /^[\w-]+\.txt$/ }) name: string) {
    return join(FILES, name);
  }

  @Get('/report')
  report() {
    return new FileResponse(join(FILES, 'report.txt'), { filename: 'report-2024.txt' });
  }
  // #endregion file

  // #region instance
  @Get('/legacy/')
  legacy() {
    return new HTMLResponse('<h1>Moved</h1>', { status: 410, headers: { 'x-legacy': 'yes' } });
  }

  @Get('/fetched')
  fetched() {
    return new Response('made with the web API', { status: 202, headers: { 'content-type': 'text/plain' } });
  }
  // #endregion instance
}

// #region default-class
export const app = createApp({ controllers: [PagesController] });
export const htmlSite = createApp({ controllers: [PagesController], defaultResponseClass: HTMLResponse });
// #endregion default-class
