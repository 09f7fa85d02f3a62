import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { isRecoverableOpenError } from '../backup/recoverable';
import { CoreClient } from '../core/client';
import { defaultDatabasePath } from '../core/paths';
import { isLoopbackHost } from './loopback';
import { startWebHost } from './web-server';

/** `npm run web`: the app in a browser on this PC, for tests and PCs without Electron. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { db: { type: 'string' }, port: { type: 'string', default: '0' }, host: { type: 'string', default: '127.0.0.1' } },
    allowPositionals: false,
  });
  // Refuse a non-loopback address before anything, so no database is created for a host that will not start.
  if (!isLoopbackHost(values.host)) {
    console.error(`只能在本机回环地址上运行（如 127.0.0.1），不能使用“${values.host}”：其他电脑不应访问本机数据`);
    process.exit(1);
  }
  const dbPath = path.resolve(values.db ?? defaultDatabasePath());
  const client = await CoreClient.start({ dbPath });
  if (client.openError && !isRecoverableOpenError(client.openError)) {
    console.error(`无法打开数据库：${client.openError.message}`);
    await client.close();
    process.exit(1);
  }
  const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
  const host = await startWebHost({ core: client, staticDir, host: values.host, port: Number(values.port) });
  // The one-time address is the only way in: whoever can read this window may open the app.
  console.log('目标台账浏览器版已启动。请在本机浏览器中打开下面的地址（只能使用一次）：');
  console.log(`  ${host.openUrl()}`);
  console.log(`打开后，同一浏览器也可以直接访问 ${host.url}；需要新地址时请重新启动本程序。`);
  console.log(`数据库：${dbPath}`);
  console.log('按 Ctrl+C 退出。');
  const stop = async () => {
    await host.close();
    await client.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
