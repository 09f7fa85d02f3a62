import { createHash, generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { expect } from 'vitest';
import { AppError } from '../../electron/core/app-error';
import { PackageError, type PackageStage } from '../../electron/sync/sync-error';
import { attachmentEntry, CHANGES_ENTRY, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, type Manifest } from '../../shared/sync/manifest';

/** Shared by the container and fuzz tests: keys, a small realistic package, and refusal checks. */

export interface Keys {
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
}

export function newKeys(): Keys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
export const utf8 = (text: string) => new TextEncoder().encode(text);

export function sampleManifest(keys: Keys): Omit<Manifest, 'entries'> {
  return {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    schemaVersion: 40,
    packageId: '5b0c6a52-4c1e-4f7e-9a59-2f4d8f0f6c11',
    kind: 'return',
    origin: {
      installationId: '0f2a9c1e-8b7d-4c3e-9f10-1a2b3c4d5e6f',
      officeId: '7d3e2f10-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      officeName: '渝北区卫生健康委',
      departmentId: '1e2d3c4b-5a69-4788-96a5-b4c3d2e1f0a9',
      departmentName: '疾控科',
      publicKey: keys.publicKeyPem,
    },
    recipient: { officeId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', departmentId: null, installationId: null },
    createdAt: '2025-04-08T09:30:00.000Z',
    period: '2025-Q1',
    hlcRange: { from: '1744100000000-0-0f2a9c1e-8b7d-4c3e-9f10-1a2b3c4d5e6f', to: '1744104600000-3-0f2a9c1e-8b7d-4c3e-9f10-1a2b3c4d5e6f' },
    counts: { changes: 24, attachments: 1 },
    receiptFor: null,
  };
}

/** A deterministic attachment that does not compress (a SHA-256 chain), like a scanned PDF. */
export function sampleAttachment(length = 1200): Uint8Array {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < length; i++) blocks.push(createHash('sha256').update(`附件${i}`).digest());
  return new Uint8Array(Buffer.concat(blocks).subarray(0, length));
}

export function sampleEntries(): Map<string, Uint8Array> {
  const changes = Array.from({ length: 24 }, (_, i) => ({
    table: 'progress_reports',
    rowId: `4c1e${String(i).padStart(4, '0')}-0000-4000-8000-000000000000`,
    column: i % 2 ? 'status' : 'text',
    value: i % 2 ? '推进中' : `第${i + 1}项：已完成监测系统部署，覆盖${i * 3 + 5}家基层医疗机构`,
    hlc: `17441000${String(i).padStart(5, '0')}-0-0f2a9c1e-8b7d-4c3e-9f10-1a2b3c4d5e6f`,
  }));
  const attachment = sampleAttachment();
  return new Map([
    [CHANGES_ENTRY, utf8(JSON.stringify(changes))],
    [attachmentEntry(sha256(attachment)), attachment],
  ]);
}

/** Run `fn`, which must refuse; returns the PackageError after checking it is a Chinese AppError. */
export function refusal(fn: () => unknown): PackageError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected a refusal').toBeInstanceOf(AppError);
  expect(thrown).toBeInstanceOf(PackageError);
  const error = thrown as PackageError;
  expect(error.code).toBe('INVALID_ARGUMENT');
  expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(error.stage).not.toBe('unexpected');
  return error;
}

export function expectStage(fn: () => unknown, stage: PackageStage, message?: RegExp | string): PackageError {
  const error = refusal(fn);
  expect(error.stage, error.message).toBe(stage);
  if (message !== undefined) expect(error.message).toMatch(message);
  return error;
}

/** Byte-level mutations for fuzzing (also for the merge fuzz): bit flips, byte changes, insertions, deletions. */
export type Op =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'change'; at: number; xor: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('change' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
);
export const mutationArb = fc.array(opArb, { minLength: 1, maxLength: 4 });

export function mutate(bytes: Uint8Array, ops: readonly Op[]): Uint8Array {
  let out = Buffer.from(bytes);
  for (const op of ops) {
    if (out.length === 0 && op.kind !== 'insert') continue;
    if (op.kind === 'flip') out[op.at % out.length]! ^= 1 << op.bit;
    else if (op.kind === 'change') out[op.at % out.length]! ^= op.xor;
    else if (op.kind === 'insert') {
      const at = op.at % (out.length + 1);
      out = Buffer.concat([out.subarray(0, at), op.bytes, out.subarray(at)]);
    } else {
      const at = op.at % out.length;
      out = Buffer.concat([out.subarray(0, at), out.subarray(at + op.length)]);
    }
  }
  return out;
}
