import os from 'node:os';
import path from 'node:path';

/** Folder name Electron uses for `app.getPath('userData')`: the productName in package.json. */
export const PRODUCT_NAME = '目标台账';
export const DATABASE_FILE = 'ledger.sqlite';

/**
 * The same user data folder Electron chooses, computed without Electron so the CLI and the
 * browser host open the app's own database by default.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), PRODUCT_NAME);
}

export function defaultDatabasePath(): string {
  return path.join(defaultDataDir(), DATABASE_FILE);
}
