import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MANIFEST_ENTRY, CHANGES_ENTRY } from '../../shared/sync/manifest';
import { signZip } from '../../electron/sync/container';
import { tempDir } from '../helpers/core';
import { handZip } from '../helpers/hand-zip';
import { newKeys, sampleManifest, utf8 } from './sync-fixture';

/*
 * Issue 14, finding 6 (packages): a 4 MB .tlpkg that expands to 4 GB. Nothing is inflated before
 * the signer is trusted, and a trusted signer's package far beyond any real compression ratio is
 * refused from its declared sizes; an entry lying about its size stops at the size it declared.
 * Each runs in a child process whose peak memory is measured.
 */

const CHUNK = 16 * 1024 ** 2;

/** Raw deflate of `chunks` × 16 MB of zeros, built from one flushed block repeated (never held inflated). */
function zerosDeflated(chunks: number): Buffer {
  const block = zlib.deflateRawSync(Buffer.alloc(CHUNK), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const end = zlib.deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: chunks }, () => block), end]);
}

/** A zip in the exact layout the package reader accepts (its pinned DOS time and date), with declared sizes and CRCs as given. */
function strictZip(entries: { name: string; data: Buffer; method: 0 | 8; size: number; crc: number }[]): Buffer {
  return handZip(entries.map((e) => ({ name: e.name, stored: e.data, method: e.method, size: e.size, crc: e.crc })), { dosTime: 12 << 11, dosDate: (1 << 5) | 1 });
}

function bombPackage(dir: string, declared: number, chunks: number) {
  const keys = newKeys();
  const deflated = zerosDeflated(chunks);
  const manifest = { ...sampleManifest(keys), counts: { changes: 1, attachments: 0 }, entries: [{ name: CHANGES_ENTRY, size: declared, sha256: 'a'.repeat(64) }] };
  const manifestBytes = Buffer.from(utf8(JSON.stringify(manifest)));
  const zip = strictZip([
    { name: CHANGES_ENTRY, data: deflated, method: 8, size: declared, crc: 0 },
    { name: MANIFEST_ENTRY, data: manifestBytes, method: 0, size: manifestBytes.length, crc: zlib.crc32(manifestBytes) },
  ]);
  const file = path.join(dir, `bomb-${declared}.tlpkg`);
  fs.writeFileSync(file, signZip(zip, keys));
  const keyFile = path.join(dir, `key-${declared}.pem`);
  fs.writeFileSync(keyFile, keys.publicKeyPem);
  return { file, keyFile, bytes: fs.statSync(file).size };
}

interface Outcome {
  verified: { ok: boolean; message: string };
  preview: { ok: boolean; message: string };
  imported: { ok: boolean; message: string };
  written: number;
  ms: number;
  maxRssMb: number;
}

function run(file: string, trustKey: string, confirm: boolean): Outcome {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'sync-bomb-child.ts'), file, trustKey, confirm ? 'confirm' : ''], { encoding: 'utf8', timeout: 120_000 });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  expect(line, child.stderr).toMatch(/^\{/);
  return JSON.parse(line) as Outcome;
}

describe('package bombs', () => {
  it('never inflates a 4 GB package before trust, refuses it by ratio after, and stops a lying entry at its declared size — each under 300 MB', () => {
    const dir = tempDir();
    // 255 × 16 MB of zeros = 4.0 GB declared honestly, in about 4 MB: over the per-entry limit, refused unread.
    const huge = bombPackage(dir, 255 * CHUNK, 255);
    expect(huge.bytes).toBeLessThan(6 * 1024 ** 2);
    const hugeRun = run(huge.file, '-', true);
    expect(hugeRun.preview.message).toMatch(/数据包解压后过大/);
    // 120 × 16 MB = 1.9 GB, within the per-entry limit: only the signer's trust and the ratio stand in the way.
    const honest = bombPackage(dir, 120 * CHUNK, 120);

    const unknown = run(honest.file, '-', false);
    // 校验 of a new PC's large package reads its signed manifest, not the inflated content.
    expect(unknown.verified.ok, unknown.verified.message).toBe(true);
    expect(unknown.preview.ok, unknown.preview.message).toBe(true);
    expect(unknown.preview.message).toContain('核对识别码之前不解开');
    expect(unknown.imported).toMatchObject({ ok: false });
    expect(unknown.imported.message).toContain('请电话与对方核对识别码');
    const confirmed = run(honest.file, '-', true);
    expect(confirmed.imported.message).toMatch(/压缩炸弹.*未作任何改动/);
    const trusted = run(honest.file, honest.keyFile, false);
    expect(trusted.preview.message).toMatch(/压缩炸弹/);
    expect(trusted.imported.message).toMatch(/压缩炸弹/);

    // Declares 1 MB, holds 512 MB: inflating stops after the 1 MB it declared.
    const lying = bombPackage(dir, 1024 ** 2, 32);
    const liar = run(lying.file, lying.keyFile, false);
    expect(liar.preview.message).toMatch(/数据包内容已损坏/);

    const outcomes = { huge: hugeRun, unknown, confirmed, trusted, liar };
    for (const [name, o] of Object.entries(outcomes)) {
      expect(o.written, name).toBe(0);
      expect(o.maxRssMb, name).toBeLessThan(300);
      expect(o.ms, name).toBeLessThan(10_000);
    }
    console.log(`package bombs: ${Object.entries(outcomes).map(([n, o]) => `${n} ${Math.round(o.maxRssMb)} MB ${o.ms} ms`).join('; ')}`);
  }, 240_000);
});
