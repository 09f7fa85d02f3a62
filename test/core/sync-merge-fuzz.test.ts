import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPackage, writePackage } from '../../electron/sync/container';
import { CHANGES_ENTRY, type Manifest } from '../../shared/sync/manifest';
import { fields, quarterFixture } from './progress-fixture';
import { createTestCore, type TestCore } from '../helpers/core';

/*
 * Malformed content in a correctly signed package from a trusted PC must reach the merge and
 * be refused there, with a Chinese message, leaving the database exactly as it was.
 */

type Change = Record<string, string>;

const FAR_FUTURE = '9999999999999';

/** Ways a change record can be wrong; each must be refused by the merge's checks. */
const breakers: ((changes: Change[], i: number, pick: number) => unknown[])[] = [
  (c, i) => c.map((x, j) => (j === i ? { ...x, hlc: 'not-a-clock' } : x)),
  (c, i) => c.map((x, j) => (j === i ? { ...x, tbl: 'sqlite_master' } : x)),
  (c, i) => c.map((x, j) => (j === i ? { ...x, col: 'id; DROP TABLE tasks' } : x)),
  (c, i) => c.map((x, j) => (j === i ? { ...x, value: '{"unterminated' } : x)),
  (c, i) => c.map((x, j) => (j === i ? { ...x, supersedes: '"x"' } : x)),
  (c, i) => c.map((x, j) => (j === i ? { ...x, row_id: '../../etc/passwd' } : x)),
  (c, i) => c.map((x, j) => (j === i ? { ...x, extra: 'field' } : x)),
  (c, i) => c.map((x, j) => {
    if (j !== i) return x;
    const { actor: _dropped, ...rest } = x;
    return rest;
  }),
  (c, i) => c.map((x, j) => (j === i ? 42 : x)),
  (c, i) => c.map((x, j) => (j === i ? { ...x, col: 'deleted', value: '"yes"' } : x)),
  (c, i) => c.map((x, j) => (j === i ? { ...x, col: 'sort_order', tbl: 'tasks', value: '"first"' } : x)),
  (c, i) => c.map((x, j) => (j === i ? { ...x, hlc: x.hlc!.replace(/^\d{13}/, FAR_FUTURE) } : x)),
  (c, i) => c.map((x, j) => (j === i ? { ...x, origin_installation_id: '00000000-0000-4000-8000-000000000000' } : x)),
  // The same HLC twice with different content: corruption.
  (c, i, pick) => [...c, { ...c[i]!, value: JSON.stringify(`篡改${pick}`) }],
];

function dumpHash(t: TestCore): string {
  const tables = t.core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' ORDER BY name").pluck().all() as string[];
  const hash = createHash('sha256');
  for (const table of tables) hash.update(table).update(JSON.stringify(t.core.db.prepare(`SELECT * FROM ${table}`).all()));
  return hash.digest('hex');
}

describe('merge fuzz', () => {
  it('refuses malformed changes in re-signed packages from a trusted PC and changes nothing', async () => {
    const office = await quarterFixture();
    await office.t.call('progress.save', { period: '2025-Q2', taskId: office.literacy.id, departmentId: office.cdc.id, fields: fields() });
    const target: TestCore = await createTestCore({ departmentName: '疾控科', now: () => Date.UTC(2025, 3, 21) });
    // Trust the office once, with a tiny first package.
    const first = await office.t.call('sync.export', { kind: 'assignment', departmentId: office.mch.id });
    const preview = await target.call('sync.preview', { files: first.files });
    await target.call('sync.import', { files: first.files, trustFingerprint: preview.origin.fingerprint });

    const full = await office.t.call('sync.export', { kind: 'full' });
    const original = readPackage(new Uint8Array(Buffer.from(full.files[0]!.contentBase64, 'base64')));
    const changes = JSON.parse(new TextDecoder().decode(original.entries.get(CHANGES_ENTRY))) as Change[];
    const identity = office.t.core.requireIdentity();
    const keys = { publicKeyPem: identity.publicKey, privateKeyPem: identity.privateKey };
    const before = dumpHash(target);
    const counts = new Map<number, number>();
    let packages = 0;

    await fc.assert(
      fc.asyncProperty(fc.nat(breakers.length - 1), fc.nat(changes.length - 1), fc.nat(1000), async (breaker, index, pick) => {
        const broken = breakers[breaker]!(changes, index, pick);
        const entries = new Map(original.entries);
        entries.set(CHANGES_ENTRY, new TextEncoder().encode(JSON.stringify(broken)));
        const manifest: Omit<Manifest, 'entries'> = { ...original.manifest, packageId: crypto.randomUUID(), counts: { ...original.manifest.counts, changes: broken.length } };
        const bytes = writePackage({ manifest, entries }, keys);
        packages++;
        counts.set(breaker, (counts.get(breaker) ?? 0) + 1);
        const result = await target.raw('sync.import', { files: [{ fileName: '篡改.tlpkg', contentBase64: Buffer.from(bytes).toString('base64') }] });
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).not.toBe('INTERNAL');
          expect(result.error.message).toMatch(/[\u4e00-\u9fa5]/);
        }
      }),
      { numRuns: 600 },
    );
    expect(dumpHash(target)).toBe(before);
    console.log(`merge fuzz: ${packages} re-signed packages with malformed changes refused; per kind ${[...counts.entries()].sort((a, b) => a[0] - b[0]).map(([k, n]) => `${k}:${n}`).join(' ')}`);
    expect(counts.size).toBe(breakers.length);
    office.t.close();
    target.close();
  }, 300_000);
});
