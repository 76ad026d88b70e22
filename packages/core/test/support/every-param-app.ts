import { IsNumber, IsOptional, IsString, MaxLength } from 'class-validator';
import { Body, Controller, Cookie, createApp, File, Form, Get, Header, Int, Path, Post, Query, UploadFile, type AppOptions, type DeftApp } from '@deft/core';
import { listenOnLoopback } from './lifecycle';
import { exchange, httpRequest } from './raw-socket';

export class ItemIn {
  @IsString() @MaxLength(50) name!: string;
  @IsNumber() price!: number;
  @IsOptional() @IsString({ each: true }) tags?: string[];
}

/** Routes that read every kind of parameter: path, query (scalar, list, boolean), header, cookie, JSON body, form fields, files. */
@Controller()
class EveryParam {
  @Get('/items/{item_id}')
  read(
    @Path('item_id', { type: Int }) itemId: number,
    @Query('q', { type: String, default: null }) q: string | null,
    @Query('limit', { type: Int, ge: 0, le: 100, default: 10 }) limit: number,
    @Query('tag', { type: [String], default: [] }) tags: string[],
    @Query('flag', { type: Boolean, default: false }) flag: boolean,
    @Header('x-count', { type: Int, default: 0 }) count: number,
    @Cookie('session', { type: String, default: null }) session: string | null,
  ) {
    return { itemId, q, limit, tags, flag, count, session };
  }

  @Post('/items/{item_id}')
  write(@Path('item_id', { type: Int }) itemId: number, @Body() item: ItemIn, @Query('dry', { type: Boolean, default: false }) dry: boolean) {
    return { itemId, item, dry };
  }

  @Post('/login')
  login(@Form('username') username: string, @Form('password', { minLength: 3 }) password: string, @Form('scope', { type: [String], default: [] }) scope: string[]) {
    return { username, password: password.length, scope };
  }

  @Post('/upload')
  async upload(@File('file') file: UploadFile, @Form('note', { type: String, default: null }) note: string | null) {
    return { name: file.filename, size: (await file.read()).length, note };
  }
}

export function everyParamApp(options: Partial<AppOptions> = {}): DeftApp {
  return createApp({ controllers: [EveryParam], fastify: { logger: false }, ...options });
}

/** Serves the app on loopback for the tests of the enclosing `describe`; returns its port once `beforeAll` has run. */
export function serveEveryParamApp(): () => number {
  let app: DeftApp | undefined;
  let port = 0;
  beforeAll(async () => {
    app = everyParamApp();
    port = await listenOnLoopback(app);
  });
  afterAll(() => app?.close());
  return () => port;
}

/** The server still answers a normal request, on a new connection. */
export async function expectNormalAnswer(port: number): Promise<void> {
  const normal = await exchange(port, httpRequest('GET', '/items/7?limit=3'));
  expect([normal.status, (normal.json as { itemId?: number }).itemId]).toEqual([200, 7]);
}
