import { CoreClient } from '../../electron/core/client';
import type { CallName } from '../../shared/api';

/*
 * Child process of test/bench/main-rss.ts: opens the database as the app's main process does
 * (the core in a worker thread), asks for the ledger and the dashboard of one office and
 * quarter, and prints the whole process's resident memory, worker included, as JSON.
 */
const [dbPath, officeId, period] = process.argv.slice(2);
if (!dbPath || !officeId || !period) throw new Error('usage: rss-child.ts <db> <officeId> <period>');

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const client = await CoreClient.start({ dbPath });
if (client.openError) throw new Error(client.openError.message);
const afterOpen = process.memoryUsage().rss;
const filter = { period, officeId };
for (const name of ['ledger.query', 'dashboard.summary', 'dashboard.indicators'] as const satisfies CallName[]) {
  const result = await client.call(name, filter);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
}
const usage = process.memoryUsage();
console.log(
  JSON.stringify({
    rssMb: mb(usage.rss),
    afterOpenMb: mb(afterOpen),
    heapUsedMb: mb(usage.heapUsed),
    externalMb: mb(usage.external),
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
await client.close();
