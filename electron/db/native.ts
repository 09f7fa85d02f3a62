import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { AppError } from '../core/app-error';

// Not named `require`: bundlers inject their own `require` binding into ES output.
const nodeRequire = createRequire(import.meta.url);

/**
 * better-sqlite3 is compiled for one ABI: Node's for tests and the CLI, Electron's for the app.
 * A mismatch must say which command fixes it instead of a cryptic dlopen error.
 */
export function loadSqlite(): typeof BetterSqlite3 {
  try {
    const Database = nodeRequire('better-sqlite3') as typeof BetterSqlite3;
    new Database(':memory:').close();
    return Database;
  } catch (error) {
    throw nativeModuleError(error);
  }
}

export function isAbiMismatch(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF header|Module did not self-register/.test(text);
}

function nativeModuleError(error: unknown): Error {
  if (!isAbiMismatch(error)) return error instanceof Error ? error : new Error(String(error));
  const runtime = process.versions.electron ? 'Electron' : 'Node.js';
  const command = process.versions.electron ? 'npx electron-builder install-app-deps' : 'npm rebuild better-sqlite3';
  return new AppError(
    'NATIVE_MODULE',
    `数据库组件（better-sqlite3）不是为当前的 ${runtime} 编译的。请在项目目录运行：${command}`,
  );
}
