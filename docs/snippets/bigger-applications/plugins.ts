import 'reflect-metadata';
import { Controller, createApp, Get } from '@deft/core';

@Controller()
class ReportsController {
  @Get('/reports')
  reports() {
    return { rows: Array.from({ length: 50 }, (_, day) => ({ day, visits: day * 10 })) };
  }
}

// #region plugins
export const app = createApp({
  controllers: [ReportsController],
  cors: { origin: ['https://app.example.com'], credentials: true },
  compression: true,
  helmet: true,
  trustedHosts: ['api.example.com', '*.example.com', '127.0.0.1', 'localhost'],
});
// #endregion plugins
