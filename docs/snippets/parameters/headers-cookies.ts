import 'reflect-metadata';
import { Controller, Cookie, createApp, Get, Header } from '@deft/core';

@Controller()
class HeadersController {
  // #region header
  @Get('/items/')
  readItems(
    @Header('User-Agent', { type: String, default: null }) userAgent: string | null,
    @Header('X-Token', { type: [String], default: [] }) tokens: string[],
  ) {
    return { 'User-Agent': userAgent, 'X-Token values': tokens };
  }
  // #endregion header

  // #region cookie
  @Get('/ads/')
  readAds(@Cookie('ads_id', { type: String, default: null }) adsId: string | null) {
    return { ads_id: adsId };
  }
  // #endregion cookie
}

export const app = createApp({ controllers: [HeadersController] });
