/*
 * Child of sync-bomb.test.ts: a fresh office database previews and imports one package file, then
 * prints what each call answered and the process's peak memory (maxRSS), as one JSON line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Core } from '../../electron/core/core';
import { createDispatcher } from '../../electron/core/dispatch';
import { fingerprint } from '../../electron/core/identity';

const [packageFile, trustKeyPem, confirm] = process.argv.slice(2);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-bomb-'));
const core = Core.open(path.join(dir, 'ledger.sqlite'), { emit: () => {} });
const dispatch = createDispatcher(core, { onInternalError: (name, error) => console.error(name, error) });
const call = (name: string, args: unknown) => dispatch(name, args, () => {});

async function main(): Promise<void> {
  await call('system.init', { officeName: '渝北区卫生健康委' });
  if (trustKeyPem && trustKeyPem !== '-') {
    const pem = fs.readFileSync(trustKeyPem, 'utf8');
    core.db
      .prepare('INSERT INTO trusted_keys (installation_id, public_key, fingerprint, office_id, office_name, department_name, trusted_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run('0f2a9c1e-8b7d-4c3e-9f10-1a2b3c4d5e6f', pem, fingerprint(pem), null, '渝北区卫生健康委', '疾控科', new Date().toISOString());
  }
  const before = core.db.prepare('SELECT COUNT(*) FROM change_log').pluck().get() as number;
  const files = [{ fileName: '炸弹.tlpkg', contentBase64: fs.readFileSync(packageFile!).toString('base64') }];
  const started = Date.now();
  const verified = await call('sync.verify', { files });
  const preview = await call('sync.preview', { files });
  const printed = preview.ok ? (preview.value as { origin: { fingerprint: string } }).origin.fingerprint : null;
  const imported = await call('sync.import', { files, ...(confirm === 'confirm' && printed ? { trustFingerprint: printed } : {}) });
  const written = (core.db.prepare('SELECT COUNT(*) FROM change_log').pluck().get() as number) - before;
  core.close();
  const message = (r: typeof preview) => (r.ok ? ((r.value as { headline?: string; preview?: { headline: string } }).headline ?? (r.value as { preview: { headline: string } }).preview.headline) : `${r.error.code} ${r.error.message}`);
  console.log(JSON.stringify({ verified: { ok: verified.ok, message: verified.ok ? '' : verified.error.message }, preview: { ok: preview.ok, message: message(preview) }, imported: { ok: imported.ok, message: message(imported) }, written, ms: Date.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

void main();
