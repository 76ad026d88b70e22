import 'reflect-metadata';
import { Controller, createApp, Depends, Get, Int } from '@deft/core';
import { loadSettings, Setting } from '@deft/core/settings';

// #region settings
export class Settings {
  @Setting('APP_NAME') appName = 'Awesome API';
  @Setting('ADMIN_EMAIL', { pattern: '^[^@]+@[^@]+$' }) adminEmail!: string;
  @Setting('ITEMS_PER_USER', { type: Int, ge: 1 }) itemsPerUser = 50;
}

export const getSettings = () => loadSettings(Settings);

/** Read once, when the app starts: a wrong environment stops the start, naming every variable at fault. */
const UseSettings = Depends(getSettings, { scope: 'app' });

@Controller()
export class InfoController {
  @Get('/info')
  info(@UseSettings settings: Settings) {
    return { app_name: settings.appName, admin_email: settings.adminEmail, items_per_user: settings.itemsPerUser };
  }
}

export const app = createApp({ controllers: [InfoController] });
// #endregion settings
