import 'reflect-metadata';
import { join } from 'node:path';
import { Eta } from 'eta';
import { Controller, createApp, Get, HTMLResponse, Path, staticFiles, type ResponseInit } from '@deft/core';

// #region templates
const templates = new Eta({ views: join(__dirname, 'templates') });

/** A page rendered from a template in ./templates (FastAPI's `TemplateResponse`). */
class TemplateResponse extends HTMLResponse {
  constructor(name: string, data: object, init?: ResponseInit) {
    super(templates.render(name, data), init);
  }
}

@Controller()
class PagesController {
  @Get('/items/{id}', { responseClass: HTMLResponse })
  readItem(@Path('id') id: string) {
    return new TemplateResponse('item', { id, static: '/static' });
  }
}

export const app = createApp({ controllers: [PagesController] });
app.mount('/static', staticFiles({ root: join(__dirname, 'static') }));
// #endregion templates
