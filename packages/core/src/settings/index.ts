export type { LoadSettingsOptions } from './load-settings';
export type { SettingDeclaration } from './setting-decorator';

export { loadSettings, SettingsError } from './load-settings';
export { Setting } from './setting-decorator';
