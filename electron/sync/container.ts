import { createHash } from 'node:crypto';
import {
  MANIFEST_ENTRY,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  manifestSchema,
  type Manifest,
} from '../../shared/sync/manifest';
import { fingerprint } from '../core/identity';
import { partInfo } from './parts';
import { PackageError, quoteName } from './sync-error';
import { pemFromRaw, rawFromPem, signingKey, signZip, TRAILER_BYTES, unsignedZip, verifySigned } from './trailer';
import { formatBytes, isSafeEntryName, MAX_ZIP_ENTRIES, readZip, zipEntries, type ZipLimits } from './zip';

/*
 * A sync package: one signed file (trailer.ts) around a zip (zip.ts) holding manifest.json and
 * the entries it lists (changes.json, receipt.json, attachments/<sha256>). readPackage checks in
 * this order and stops at the first problem, each with its own Chinese sentence:
 * size → trailer → signature → zip structure and limits → manifest JSON → format and version →
 * manifest schema → signer = manifest key → every entry listed, present, same size and SHA-256.
 * The format check comes before the schema so that a package from a newer version asks for an
 * upgrade instead of being called damaged.
 */

export interface PackageLimits extends ZipLimits {
  readonly maxFileBytes: number;
  readonly maxManifestBytes: number;
}

/** Deflate packs real changes about 5–15 times; far beyond this a small file is a bomb, whoever signed it. */
export const MAX_INFLATE_RATIO = 200;
/** Below this the ratio is not checked (a tiny package of repetitive changes compresses very well). */
const RATIO_FLOOR_BYTES = 64 * 1024 ** 2;

/** How much a package may inflate, given who signed it: decided after the signature, before any inflating. */
export type Admission = (signer: { readonly publicKeyPem: string; readonly fingerprint: string }) => { readonly budgetBytes: number; readonly budgetMessage: (declared: number) => string } | null;

export const DEFAULT_LIMITS: PackageLimits = {
  maxFileBytes: 2 * 1024 ** 3,
  maxEntries: MAX_ZIP_ENTRIES,
  maxEntryBytes: 2 * 1024 ** 3,
  maxTotalBytes: 4 * 1024 ** 3,
  maxManifestBytes: 64 * 1024 ** 2,
};

export interface PackageKeys {
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
}

export interface PackageInput {
  readonly manifest: Omit<Manifest, 'entries'>;
  readonly entries: ReadonlyMap<string, Uint8Array>;
}

export interface ReadPackage {
  readonly manifest: Manifest;
  /** Every entry except manifest.json, by name. */
  readonly entries: Map<string, Uint8Array>;
  /** The signer's key (SPKI PEM), equal to manifest.origin.publicKey. */
  readonly publicKeyPem: string;
  /** The signer's key as the code a clerk reads aloud over the phone. */
  readonly fingerprint: string;
}

const ATTACHMENT_PREFIX = 'attachments/';
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Build, zip and sign a package. The same input gives the same bytes (Ed25519 is deterministic). */
export function writePackage(input: PackageInput, keys: PackageKeys, limits: Partial<PackageLimits> = {}): Uint8Array {
  const max = { ...DEFAULT_LIMITS, ...limits };
  const names = [...input.entries.keys()].sort();
  if (names.length + 1 > max.maxEntries) throw cannotWrite(`条目过多（超过${max.maxEntries - 1}个），请分批导出`);
  for (const name of names) {
    const data = input.entries.get(name)!;
    if (name === MANIFEST_ENTRY || !isSafeEntryName(name)) throw cannotWrite(`条目名称${quoteName(name)}不符合要求`);
    if (name.startsWith(ATTACHMENT_PREFIX) && name !== `${ATTACHMENT_PREFIX}${sha256(data)}`) throw cannotWrite(`附件${quoteName(name)}的名称与内容的校验值不符`);
  }
  const manifest: Manifest = {
    ...input.manifest,
    entries: names.map((name) => {
      const data = input.entries.get(name)!;
      return { name, size: data.length, sha256: sha256(data) };
    }),
  };
  const parsed = manifestSchema.safeParse(manifest);
  if (!parsed.success) throw cannotWrite(`清单字段 ${issuePath(parsed.error.issues[0]?.path)} 不符合要求`);

  const signer = signingKey(keys.privateKeyPem).raw;
  if (!sameKey(signer, keys.publicKeyPem) || !sameKey(signer, manifest.origin.publicKey)) throw cannotWrite('本机密钥与清单中的公钥不一致');

  const zip = zipEntries([
    [MANIFEST_ENTRY, new TextEncoder().encode(canonicalJson(manifest))],
    ...names.map((name) => [name, input.entries.get(name)!] as const),
  ]);
  if (zip.length + TRAILER_BYTES > max.maxFileBytes) throw cannotWrite(`数据包超过${formatBytes(max.maxFileBytes)}，请按时间或内容分批导出`);
  return signZip(zip, keys);
}

/** Check and open a package; throws PackageError (an AppError) with a Chinese message on any problem. */
export function readPackage(bytes: Uint8Array, limits: Partial<PackageLimits> = {}, admit?: Admission): ReadPackage {
  try {
    return readChecked(bytes, { ...DEFAULT_LIMITS, ...limits }, admit);
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError('unexpected', '数据包无法读取（内容已损坏）。请让对方重新导出后再导入。');
  }
}

/** Replace the signature of a package (or of any bytes ending in a trailer) with one by `keys`. */
export function resignPackage(bytes: Uint8Array, keys: { readonly privateKeyPem: string }): Uint8Array {
  return signZip(unsignedZip(bytes), keys);
}

export { signZip, unsignedZip, zipEntries };

/**
 * The manifest alone, checked and signed for, without inflating anything else: what a preview
 * shows of a package too large to open before its signer is confirmed.
 */
export function peekManifest(bytes: Uint8Array, limits: Partial<PackageLimits> = {}): Omit<ReadPackage, 'entries'> {
  try {
    const max = { ...DEFAULT_LIMITS, ...limits };
    const { zip, signer } = verifySignedPackage(bytes, max);
    const files = readZip(zip, max, new Set([MANIFEST_ENTRY]));
    const manifest = manifestOf(files, max, signer);
    const publicKeyPem = pemFromRaw(signer);
    return { manifest, publicKeyPem, fingerprint: fingerprint(publicKeyPem) };
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError('unexpected', '数据包无法读取（内容已损坏）。请让对方重新导出后再导入。');
  }
}

function verifySignedPackage(bytes: Uint8Array, limits: PackageLimits): { zip: Uint8Array; signer: Buffer } {
  if (bytes.length > limits.maxFileBytes) {
    throw new PackageError('size', `数据包超过${formatBytes(limits.maxFileBytes)}，无法导入。请让对方按时间或内容分批导出。`);
  }
  const part = partInfo(bytes);
  if (part) {
    throw new PackageError('parts', `这是分卷数据包中的一个分卷（第${part.index}部分，共${part.count}部分）。请同时选择全部分卷后再导入。`);
  }
  return verifySigned(bytes);
}

function readChecked(bytes: Uint8Array, limits: PackageLimits, admit?: Admission): ReadPackage {
  const { zip, signer } = verifySignedPackage(bytes, limits);
  const publicKeyPem = pemFromRaw(signer);
  const print = fingerprint(publicKeyPem);
  // Who signed decides how much may be inflated: nothing is expanded before this.
  const admitted = admit?.({ publicKeyPem, fingerprint: print }) ?? null;
  const ratioCap = Math.max(RATIO_FLOOR_BYTES, MAX_INFLATE_RATIO * zip.length);
  const budget = Math.min(admitted?.budgetBytes ?? Infinity, ratioCap);
  const files = readZip(zip, {
    ...limits,
    budgetBytes: budget,
    budgetMessage: admitted && admitted.budgetBytes <= ratioCap ? admitted.budgetMessage : (declared) => `数据包解压后约${formatBytes(declared)}，是文件大小的${Math.round(declared / zip.length)}倍，不像正常的数据包（可能是压缩炸弹），已拒绝导入，未作任何改动。请让对方重新导出。`,
  });
  const manifest = manifestOf(files, limits, signer);
  files.delete(MANIFEST_ENTRY);
  checkEntries(manifest, files);
  return { manifest, entries: files, publicKeyPem, fingerprint: print };
}

function manifestOf(files: Map<string, Uint8Array>, limits: PackageLimits, signer: Buffer): Manifest {

  const manifestBytes = files.get(MANIFEST_ENTRY);
  if (!manifestBytes) throw badManifest('缺少清单（manifest.json）');
  if (manifestBytes.length > limits.maxManifestBytes) throw badManifest('清单过大');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    throw badManifest('清单不是有效的 JSON');
  }
  checkFormat(raw);
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw badManifest(`清单字段 ${issuePath(parsed.error.issues[0]?.path)} 不符合要求`);
  const manifest = parsed.data;

  if (!sameKey(signer, manifest.origin.publicKey)) {
    throw new PackageError('signer', '数据包的签名者与清单中的来源单位公钥不一致，已拒绝导入。请让对方重新导出后再导入。');
  }
  return manifest;
}

function checkFormat(raw: unknown): void {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw badManifest('清单不是 JSON 对象');
  const header = raw as { format?: unknown; formatVersion?: unknown };
  if (header.format !== PACKAGE_FORMAT) {
    throw new PackageError('version', '这不是目标台账数据包（清单中的格式名称不符）。请确认文件来自目标台账的“导出数据包”。');
  }
  if (typeof header.formatVersion === 'number' && header.formatVersion > PACKAGE_FORMAT_VERSION) {
    throw new PackageError(
      'version',
      `数据包由更新版本的目标台账导出（格式版本${Math.floor(header.formatVersion)}，本机支持${PACKAGE_FORMAT_VERSION}），请升级目标台账后再导入。`,
    );
  }
}

function checkEntries(manifest: Manifest, files: Map<string, Uint8Array>): void {
  const listed = new Set<string>();
  for (const entry of manifest.entries) {
    if (listed.has(entry.name)) throw badManifest(`清单重复列出条目${quoteName(entry.name)}`);
    listed.add(entry.name);
    const data = files.get(entry.name);
    if (!data) throw new PackageError('entries', `数据包不完整：缺少条目${quoteName(entry.name)}。请让对方重新导出后再导入。`);
    if (data.length !== entry.size || sha256(data) !== entry.sha256) {
      throw new PackageError('entries', `数据包条目${quoteName(entry.name)}与清单不符（大小或校验值不同）。请让对方重新导出后再导入。`);
    }
    if (entry.name.startsWith(ATTACHMENT_PREFIX) && entry.name !== `${ATTACHMENT_PREFIX}${entry.sha256}`) {
      throw new PackageError('entries', `数据包附件${quoteName(entry.name)}的名称与内容不符。请让对方重新导出后再导入。`);
    }
  }
  for (const name of files.keys()) {
    if (!listed.has(name)) throw new PackageError('entries', `数据包含有清单未列出的条目${quoteName(name)}，已拒绝导入。请让对方重新导出后再导入。`);
  }
}

function sameKey(raw: Buffer, pem: string): boolean {
  return rawFromPem(pem)?.equals(raw) ?? false;
}

function issuePath(path: readonly PropertyKey[] | undefined): string {
  const text = (path ?? []).map(String).join('.') || '（整体）';
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

const badManifest = (reason: string) => new PackageError('manifest', `数据包内容已损坏（${reason}）。请让对方重新导出后再导入。`);
const cannotWrite = (reason: string) => new PackageError('write', `无法生成数据包：${reason}。`);

/** JSON with object keys sorted, so the manifest bytes do not depend on key insertion order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
