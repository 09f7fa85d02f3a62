import { CoreClient } from '../../electron/core/client';

/*
 * Read-only folder child (faults-readonly.test.ts): started as an unprivileged user when the tests
 * run as root, because root writes through chmod. Opens the database through the real worker,
 * tries a read, a write and 导出诊断信息, and prints what each returned as one JSON line.
 * Usage: node --import tsx test/core/faults-readonly-child.ts <database>
 */

const dbPath = process.argv[2]!;
const client = await CoreClient.start({ dbPath });
const status = await client.call('system.status', {});
const write = await client.call('settings.update', { clerkName: '李四' });
const again = await client.call('ledger.query', { period: '2025-Q2' });
const diagnostics = await client.call('diagnostics.export', {});
await client.close();
process.stdout.write(
  `${JSON.stringify({
    uid: process.getuid?.() ?? null,
    openError: client.openError,
    status,
    write,
    again,
    diagnostics: diagnostics.ok ? { ok: true, entries: (diagnostics.value as { entries: string[] }).entries } : diagnostics,
  })}\n`,
);
