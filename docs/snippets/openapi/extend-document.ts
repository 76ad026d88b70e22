import 'reflect-metadata';
import { Controller, createApp, Get } from '@deft/core';

@Controller()
class HealthController {
  @Get('/health')
  health() {
    return { ok: true };
  }
}

// #region extend
export const app = createApp({ controllers: [HealthController], title: 'Status' });

// The document is built once and kept: what you change here is what /openapi.json serves.
const document = app.openapi();
document.info['x-logo'] = { url: '/static/logo.png' };
document.paths['/health']!.get!.description = 'Always answers while the process is up.';
// #endregion extend
