import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CallResult, ParsedArgs } from '../../shared/api';
import type { ImportPreview } from '../../shared/api/sync';
import { replicatedTables, type ReplicatedTable } from '../../shared/schema/tables';
import { attachmentEntry, CHANGES_ENTRY, PACKAGE_EXTENSION, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, packageKindLabels, RECEIPT_ENTRY, type Manifest, type PackageKind } from '../../shared/sync/manifest';
import type { Core } from '../core/core';
import { AppError } from '../core/app-error';
import { log } from '../core/log';
import { latestSchemaVersion } from '../db/migrate';
import { attachmentFolder, storeBytes } from '../services/attachments';
import { backupBefore } from '../services/backup';
import { checkChange, type ChangeRecord } from './changes';
import { peekManifest, readPackage, writePackage, type ReadPackage } from './container';
import { PackageError } from './sync-error';
import { MAX_PACKAGE_FILE_MB, MAX_PACKAGE_TOTAL_MB } from '../../shared/sync/limits';
import { mergeCheckedChanges, type MergeSummary } from './merge';
import { isPart, joinParts, splitPackage } from './parts';
import { assignmentRows, attachmentHashes, changesOfRows, unacknowledgedChanges, withoutStrayRecords } from './scope';
import { reconcileDepartments } from '../services/department-binding';
import { forbiddenChanges, forbiddenMessage, type Role, type Signer } from './authority';
import { tableLabels } from './labels';

/*
 * 数据交换 end to end: export a signed package for a peer; verify, preview (a dry run of the same
 * merge) and import one — after a backup, in one transaction — and answer with a receipt.
 */


type FileContent = { fileName: string; contentBase64: string };

export function maxAheadMs(core: Pick<Core, 'localSetting'>): number {
  const hours = Number(core.localSetting('sync_max_clock_ahead_hours') ?? '24');
  return (Number.isFinite(hours) && hours > 0 ? hours : 24) * 3_600_000;
}

function officeName(core: Core, id: string): string {
  return (core.db.prepare('SELECT name FROM offices WHERE id = ?').pluck().get(id) as string | null | undefined) ?? '';
}

function departmentName(core: Core, id: string | null): string | null {
  return id ? ((core.db.prepare('SELECT name FROM departments WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null) : null;
}

function origin(core: Core): Manifest['origin'] {
  const me = core.requireIdentity();
  return { installationId: me.installationId, officeId: me.officeId, officeName: officeName(core, me.officeId), departmentId: me.departmentId, departmentName: departmentName(core, me.departmentId), publicKey: me.publicKey };
}

function sign(core: Core, manifest: Omit<Manifest, 'entries'>, entries: Map<string, Uint8Array>): Uint8Array {
  const me = core.requireIdentity();
  return writePackage({ manifest, entries }, { publicKeyPem: me.publicKey, privateKeyPem: me.privateKey });
}

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const stamp = (core: Core) => new Date(core.now()).toISOString();

function baseManifest(core: Core, kind: PackageKind, extra: Partial<Omit<Manifest, 'entries'>>): Omit<Manifest, 'entries'> {
  return {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    schemaVersion: latestSchemaVersion(),
    packageId: randomUUID(),
    kind,
    origin: origin(core),
    recipient: null,
    createdAt: stamp(core),
    period: null,
    hlcRange: null,
    counts: { changes: 0, attachments: 0 },
    receiptFor: null,
    ...extra,
  };
}

/** The single office PC this department PC trusts, the usual recipient of 上报. */
function defaultPeer(core: Core): string | null {
  const peers = core.db.prepare('SELECT installation_id FROM trusted_keys WHERE department_name IS NULL').pluck().all() as string[];
  return peers.length === 1 ? peers[0]! : null;
}

function recordPackage(core: Core, id: string, direction: 'in' | 'out', kind: string, peerId: string | null, peerName: string | null, fileName: string | null, summary: string): void {
  core.db
    .prepare('INSERT OR REPLACE INTO sync_packages (id, direction, kind, peer_id, peer_name, file_name, at, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, direction, kind, peerId, peerName, fileName, stamp(core), summary);
}

const MB = 1024 * 1024;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The suggested file name (without extension): who, kind, quarter, local date and time to the
 * second, and -2, -3… when this PC already wrote a package of that name, so two 下发 on one day
 * never get one name (and a save never replaces the earlier file).
 */
function fileBase(kind: PackageKind, core: Core, departmentId: string | null, period: string | null): string {
  const who = departmentName(core, departmentId) ?? departmentName(core, core.requireIdentity().departmentId) ?? officeName(core, core.requireIdentity().officeId);
  const now = new Date(core.now());
  const when = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const base = `${who}-${packageKindLabels[kind]}${period ? `-${period}` : ''}-${when}`;
  // Whole files are `<name>.tlpkg`, parts `<name>.part1of3.tlpkg`: both start with `<name>.`.
  const taken = core.db.prepare("SELECT 1 FROM sync_packages WHERE direction = 'out' AND substr(file_name, 1, length(?)) = ? LIMIT 1").pluck();
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!taken.get(`${name}.`, `${name}.`)) return name;
  }
}

/** The names of attachments whose files are gone from this PC (a file deleted or a folder not copied). */
function missingAttachmentNames(core: Core, hashes: readonly string[]): string[] {
  if (hashes.length === 0) return [];
  const name = core.db.prepare('SELECT file_name FROM attachments WHERE sha256 = ? AND deleted = 0 ORDER BY file_name LIMIT 1').pluck();
  return hashes.map((sha) => (name.get(sha) as string | null | undefined) ?? `${sha.slice(0, 8)}…`);
}

/** The package still goes (the records are what matters); the clerk learns which files it lacks and what to do. */
function missingNote(names: readonly string[]): string {
  if (names.length === 0) return '';
  const shown = names.slice(0, 5).map((n) => `“${n}”`).join('、');
  return `。注意：${names.length} 份佐证材料的文件在本机已丢失，未放入数据包（${shown}${names.length > 5 ? '等' : ''}）；请在填报页面重新上传，或从备份恢复 attachments 文件夹后重新导出`;
}

export function exportPackage(core: Core, args: ParsedArgs<'sync.export'>): CallResult<'sync.export'> {
  const me = core.requireIdentity();
  let changes: ChangeRecord[];
  let recipient: Manifest['recipient'];
  const entries = new Map<string, Uint8Array>();
  let receiptFor: string | null = null;
  let missing: string[] = [];
  let unsent = 0;
  if (args.kind === 'assignment') {
    if (!args.departmentId) throw new AppError('INVALID_ARGUMENT', '下发数据包请选择接收的科室', { departmentId: '请选择科室' });
    if (!departmentName(core, args.departmentId)) throw new AppError('NOT_FOUND', '找不到该科室');
    changes = changesOfRows(core, assignmentRows(core, me.officeId, args.departmentId));
    recipient = { officeId: me.officeId, departmentId: args.departmentId, installationId: args.toInstallationId };
  } else if (args.kind === 'receipt') {
    if (!args.forPackageId) throw new AppError('INVALID_ARGUMENT', '回执请指明收到的数据包', { forPackageId: '请选择数据包' });
    const received = core.db.prepare("SELECT peer_id FROM sync_packages WHERE id = ? AND direction = 'in'").pluck().get(args.forPackageId) as string | undefined;
    if (received === undefined) throw new AppError('NOT_FOUND', '没有收到过该数据包，无法出具回执');
    const hlcs = core.db.prepare('SELECT hlc FROM change_log WHERE package_id = ? ORDER BY hlc').pluck().all(args.forPackageId) as string[];
    entries.set(RECEIPT_ENTRY, json({ packageId: args.forPackageId, hlcs }));
    receiptFor = args.forPackageId;
    recipient = { officeId: null, departmentId: null, installationId: received };
    changes = [];
  } else {
    const peer = args.toInstallationId ?? (args.kind === 'return' ? defaultPeer(core) : null);
    changes = unacknowledgedChanges(core, peer);
    recipient = peer ? { officeId: null, departmentId: null, installationId: peer } : null;
  }
  if (args.kind !== 'receipt') {
    changes = withoutStrayRecords(core, changes);
    const sendable = withinOwnAuthority(core, changes);
    changes = sendable.changes;
    unsent = sendable.unsentOwn;
    entries.set(CHANGES_ENTRY, json(changes));
    const folder = attachmentFolder(core);
    const lost: string[] = [];
    for (const sha of attachmentHashes(changes)) {
      const file = path.join(folder, sha);
      if (fs.existsSync(file)) entries.set(attachmentEntry(sha), fs.readFileSync(file));
      else lost.push(sha);
    }
    missing = missingAttachmentNames(core, lost);
  }
  const manifest = baseManifest(core, args.kind, {
    recipient,
    period: args.period,
    receiptFor,
    hlcRange: changes.length > 0 ? { from: changes[0]!.hlc, to: changes[changes.length - 1]!.hlc } : null,
    counts: { changes: changes.length, attachments: [...entries.keys()].filter((n) => n.startsWith('attachments/')).length },
  });
  const bytes = sign(core, manifest, entries);
  const base = fileBase(args.kind, core, args.departmentId, args.period);
  if (bytes.length > MAX_PACKAGE_TOTAL_MB * MB) {
    throw new AppError('INVALID_ARGUMENT', `数据包共 ${Math.ceil(bytes.length / MB)} MB，超过对方一次可导入的 ${MAX_PACKAGE_TOTAL_MB} MB，未生成。请按季度或科室分批导出。`);
  }
  // A package larger than a receiver reads per file is split even when the clerk did not ask.
  const splitMb = args.splitMb ?? (bytes.length > MAX_PACKAGE_FILE_MB * MB ? MAX_PACKAGE_FILE_MB : null);
  const parts = splitMb ? splitPackage(bytes, Math.floor(splitMb * MB)) : [bytes];
  const files = parts.map((part, i) => ({ fileName: parts.length > 1 ? `${base}.part${i + 1}of${parts.length}${PACKAGE_EXTENSION}` : `${base}${PACKAGE_EXTENSION}`, contentBase64: Buffer.from(part).toString('base64') }));
  const summary = `${packageKindLabels[args.kind]}数据包：${changes.length} 条修改${manifest.counts.attachments ? `、${manifest.counts.attachments} 份佐证材料` : ''}${parts.length > 1 ? `，分为 ${parts.length} 个文件` : ''}${missingNote(missing)}${unsent > 0 ? `。本机对办公室数据（计划、任务、指标等）的 ${unsent} 处修改未放入数据包：科室电脑只报送本科室的进展、指标数值和佐证材料，这些修改请告知办公室在办公室的电脑上进行` : ''}`;
  if (missing.length > 0) log.warn('sync.export.missingAttachments', { count: missing.length });
  recordPackage(core, manifest.packageId, 'out', args.kind, recipient?.installationId ?? null, null, files[0]!.fileName, summary);
  return { packageId: manifest.packageId, files, changes: changes.length, summary };
}

// —— import ——

interface Opened {
  readonly pkg: ReadPackage;
  readonly trust: 'known' | 'new';
}

/** One package from the picked files: a whole file, or the parts of a split one in any order. */
function packageBytes(files: readonly FileContent[]): Uint8Array {
  const buffers = files.map((f) => new Uint8Array(Buffer.from(f.contentBase64, 'base64')));
  return buffers.length > 1 || (buffers[0] && isPart(buffers[0])) ? joinParts(buffers) : buffers[0]!;
}

/** Before its signer is trusted, a package may expand to this much (a first 下发 or 上报 is far smaller). */
export const UNTRUSTED_INFLATE_BYTES = 64 * 1024 ** 2;

const trustedKey = (core: Core, publicKeyPem: string) => core.db.prepare('SELECT 1 FROM trusted_keys WHERE public_key = ?').get(publicKeyPem) !== undefined;

/** A new signer's package over the untrusted budget: opened only once the clerk confirmed its fingerprint. */
class SealedPackage extends AppError {
  constructor(readonly fingerprint: string) {
    super('FORBIDDEN', '');
  }
}

const SEALED = '（核对识别码前不解开）';

function open(core: Core, files: readonly FileContent[], confirmedFingerprint: string | null = null): Opened {
  let untrusted: string | null = null;
  let pkg: ReadPackage;
  try {
    pkg = readPackage(packageBytes(files), {}, ({ publicKeyPem, fingerprint: print }) => {
      if (trustedKey(core, publicKeyPem) || confirmedFingerprint === print) return null;
      untrusted = print;
      return { budgetBytes: UNTRUSTED_INFLATE_BYTES, budgetMessage: () => SEALED };
    });
  } catch (error) {
    if (untrusted !== null && error instanceof PackageError && error.stage === 'budget' && error.message === SEALED) throw new SealedPackage(untrusted);
    throw error;
  }
  const { manifest } = pkg;
  if (manifest.schemaVersion > latestSchemaVersion()) throw new AppError('DATABASE_NEWER', '该数据包由更新版本的目标台账导出，请先升级本软件再导入。');
  const me = core.requireIdentity();
  if (manifest.origin.installationId === me.installationId) throw new AppError('INVALID_ARGUMENT', '这是本机导出的数据包，无需导入。');
  const known = core.db.prepare('SELECT public_key, fingerprint FROM trusted_keys WHERE installation_id = ?').get(manifest.origin.installationId) as
    | { public_key: string; fingerprint: string }
    | undefined;
  if (known && known.public_key !== pkg.publicKeyPem) {
    throw new AppError(
      'FORBIDDEN',
      `警告：该数据包自称来自已信任的电脑（${manifest.origin.officeName}${manifest.origin.departmentName ? ` ${manifest.origin.departmentName}` : ''}，识别码 ${known.fingerprint}），但签名用的是另一把密钥（识别码 ${pkg.fingerprint}）。它可能是伪造的，也可能是对方重装了软件。已拒绝导入，请电话与对方核对识别码。`,
    );
  }
  return { pkg, trust: known ? 'known' : 'new' };
}

function changesIn(pkg: ReadPackage): unknown[] {
  const entry = pkg.entries.get(CHANGES_ENTRY);
  if (!entry) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(entry));
  } catch {
    throw new AppError('INVALID_ARGUMENT', '数据包内容有误：修改记录无法读取。数据包可能已损坏，未导入任何内容，请让对方重新导出。');
  }
  if (!Array.isArray(parsed)) throw new AppError('INVALID_ARGUMENT', '数据包内容有误：修改记录格式不正确。未导入任何内容，请让对方重新导出。');
  if (parsed.length !== pkg.manifest.counts.changes) throw new AppError('INVALID_ARGUMENT', '数据包内容有误：修改记录数量与清单不符。未导入任何内容，请让对方重新导出。');
  return parsed;
}

interface TrustedRow {
  office_id: string | null;
  department_name: string | null;
}

const trustedRow = (core: Core, installationId: string) =>
  core.db.prepare('SELECT office_id, department_name FROM trusted_keys WHERE installation_id = ?').get(installationId) as TrustedRow | undefined;

/** The role this PC already knows for an installation: from its trusted key, else from its record (e.g. this office's earlier PC). */
function knownRole(core: Core, installationId: string): Role | null {
  const record = core.db.prepare('SELECT office_id, department_id FROM installations WHERE id = ? AND deleted = 0').get(installationId) as
    | { office_id: string | null; department_id: string | null }
    | undefined;
  const trusted = trustedRow(core, installationId);
  if (trusted) {
    const officeId = trusted.office_id ?? record?.office_id ?? null;
    if (!officeId) return null;
    // A department PC whose department is not known here matches no record (never an office's authority).
    return { officeId, departmentId: trusted.department_name === null ? null : record?.department_id || '\u0000unknown' };
  }
  if (record?.office_id) return { officeId: record.office_id, departmentId: record.department_id || null };
  return null;
}

/**
 * Who signed, with the authority this PC grants it: an office or a department PC as first
 * confirmed (a department PC cannot become an office PC by saying so), for its office, and for
 * the department the package names only when that is the department it was confirmed for.
 */
function signerOf(core: Core, pkg: ReadPackage, trust: 'known' | 'new'): Signer {
  const { origin } = pkg.manifest;
  const label = `${origin.officeName}${origin.departmentName ? ` ${origin.departmentName}` : ''}（识别码 ${pkg.fingerprint}）`;
  const base = { installationId: origin.installationId, label };
  if (trust === 'new') return { ...base, officeId: origin.officeId, departmentId: origin.departmentId };
  const trusted = trustedRow(core, origin.installationId)!;
  const officeId = trusted.office_id ?? origin.officeId;
  if (trusted.department_name === null) {
    // Confirmed as an office PC: it keeps its office, whatever the manifest says.
    return { ...base, officeId, departmentId: origin.departmentId };
  }
  if (origin.departmentId === null) {
    throw new AppError('FORBIDDEN', `来自${label}的数据包自称办公室的电脑，但本机确认它是“${trusted.department_name}”的科室电脑。已拒绝导入，未作任何改动；请电话与对方核实。`);
  }
  const department = core.db.prepare('SELECT name, aliases FROM departments WHERE id = ?').get(origin.departmentId) as { name: string | null; aliases: string | null } | undefined;
  if (department) {
    const names = [department.name ?? '', ...((department.aliases ? JSON.parse(department.aliases) : []) as string[])];
    if (!names.includes(trusted.department_name) && department.name !== origin.departmentName) {
      throw new AppError('FORBIDDEN', `来自${label}的数据包以“${department.name ?? ''}”的名义填报，但本机确认这台电脑属于“${trusted.department_name}”。已拒绝导入，未作任何改动；请电话与对方核实。`);
    }
  }
  // A department's authority is its department's records, which name their office themselves.
  return { ...base, officeId: origin.officeId, departmentId: origin.departmentId };
}

/** Setup records a department PC writes itself (its office's name, the department it typed): never counted as unsent edits. */
const SETUP_TABLES = new Set(['offices', 'departments', 'installations']);

/**
 * A department PC sends only what the office will accept from it (authority.ts), so one local
 * edit of office data never blocks every later 上报; the clerk is told how many were kept back.
 */
function withinOwnAuthority(core: Core, changes: ChangeRecord[]): { changes: ChangeRecord[]; unsentOwn: number } {
  const me = core.requireIdentity();
  if (!me.departmentId) return { changes, unsentOwn: 0 };
  const signer: Signer = { installationId: me.installationId, officeId: me.officeId, departmentId: me.departmentId, label: '' };
  const forbidden = new Set(
    forbiddenChanges(core.db, changes, { self: '', signer, roleOf: (id) => knownRole(core, id), holds: () => true }).map((f) => f.change.hlc),
  );
  if (forbidden.size === 0) return { changes, unsentOwn: 0 };
  const unsentOwn = changes.filter((c) => forbidden.has(c.hlc) && c.origin_installation_id === me.installationId && !SETUP_TABLES.has(c.tbl)).length;
  return { changes: changes.filter((c) => !forbidden.has(c.hlc)), unsentOwn };
}

/** Every change checked (form, then authority) before anything is written; refuses the whole package. */
function checkedChanges(core: Core, pkg: ReadPackage, trust: 'known' | 'new'): ChangeRecord[] {
  const changes = changesIn(pkg).map((change, index) => checkChange(change, index));
  const signer = signerOf(core, pkg, trust);
  const held = core.db.prepare('SELECT 1 FROM change_log WHERE hlc = ?').pluck();
  const roles = new Map<string, Role | null>();
  const forbidden = forbiddenChanges(core.db, changes, {
    self: core.requireIdentity().installationId,
    signer,
    roleOf: (id) => {
      if (!roles.has(id)) roles.set(id, knownRole(core, id));
      return roles.get(id)!;
    },
    holds: (hlc) => held.get(hlc) !== undefined,
  });
  if (forbidden.length > 0) {
    log.warn('sync.import.forbidden', { count: forbidden.length });
    throw forbiddenMessage(core, signer, forbidden, changes);
  }
  return changes;
}

function receiptIn(pkg: ReadPackage): { packageId: string; hlcs: string[] } {
  const entry = pkg.entries.get(RECEIPT_ENTRY);
  try {
    const parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(entry)) as { packageId?: unknown; hlcs?: unknown };
    if (typeof parsed.packageId === 'string' && Array.isArray(parsed.hlcs) && parsed.hlcs.every((h) => typeof h === 'string' && h.length < 200)) {
      return { packageId: parsed.packageId, hlcs: parsed.hlcs as string[] };
    }
  } catch {
    // fall through
  }
  throw new AppError('INVALID_ARGUMENT', '回执内容有误，无法读取。请让对方重新出具回执。');
}

function toPreview(pkg: ReadPackage, trust: 'known' | 'new', summary: MergeSummary | null, receipt: { hlcs: string[] } | null): ImportPreview {
  const m = pkg.manifest;
  const tables = summary
    ? (Object.keys(replicatedTables) as ReplicatedTable[])
        .filter((t) => summary.tables[t])
        .map((t) => ({ table: t, label: tableLabels[t], ...summary.tables[t]! }))
    : [];
  const total = summary?.changes.total ?? receipt?.hlcs.length ?? 0;
  const fresh = summary?.changes.new ?? 0;
  const nothingNew = summary !== null && fresh === 0;
  const from = `${m.origin.officeName}${m.origin.departmentName ? ` ${m.origin.departmentName}` : ''}`;
  const headline = receipt
    ? `来自${from}的回执：对方已收到 ${receipt.hlcs.length} 条修改，下次发给对方的数据包将只包含新的内容。`
    : nothingNew
      ? `已导入，无新变化（来自${from}的${packageKindLabels[m.kind]}数据包，${total} 条修改本机都已有）。`
      : `来自${from}的${packageKindLabels[m.kind]}数据包：${total} 条修改，其中 ${fresh} 条是新的${summary && summary.conflicts > 0 ? `，${summary.conflicts} 处冲突需要核对` : ''}。`;
  return {
    packageId: m.packageId,
    kind: m.kind,
    origin: { installationId: m.origin.installationId, officeName: m.origin.officeName, departmentName: m.origin.departmentName, fingerprint: pkg.fingerprint, trust },
    createdAt: m.createdAt,
    period: m.period,
    changes: { total, new: fresh, ignored: summary?.changes.ignored ?? 0 },
    tables,
    conflicts: summary?.conflicts ?? 0,
    nothingNew,
    headline,
  };
}

/**
 * 校验: signature, zip and manifest. A package larger than a new signer may inflate is checked
 * from its manifest alone (the signature already covers every byte); its entries are checked on import.
 */
export function verifyPackage(core: Core, files: readonly FileContent[]): CallResult<'sync.verify'> {
  const bytes = packageBytes(files);
  let checked: Omit<ReadPackage, 'entries'>;
  try {
    checked = readPackage(bytes, {}, ({ publicKeyPem }) => (trustedKey(core, publicKeyPem) ? null : { budgetBytes: UNTRUSTED_INFLATE_BYTES, budgetMessage: () => SEALED }));
  } catch (error) {
    if (!(error instanceof PackageError && error.stage === 'budget' && error.message === SEALED)) throw error;
    checked = peekManifest(bytes);
  }
  const { manifest: m, fingerprint } = checked;
  return {
    packageId: m.packageId,
    kind: m.kind,
    officeName: m.origin.officeName,
    departmentName: m.origin.departmentName,
    installationId: m.origin.installationId,
    fingerprint,
    createdAt: m.createdAt,
    changes: m.counts.changes,
    attachments: m.counts.attachments,
    schemaVersion: m.schemaVersion,
  };
}

/** Reports how far a long job has come (the worker forwards it to the window's progress bar). */
export type Progress = (label: string, done: number, total: number) => void;

/** What a preview says of a large package from a PC not yet confirmed: who signed it and what it says it holds. */
function sealedPreview(core: Core, files: readonly FileContent[]): ImportPreview {
  const peeked = peekManifest(packageBytes(files));
  const m = peeked.manifest;
  const from = `${m.origin.officeName}${m.origin.departmentName ? ` ${m.origin.departmentName}` : ''}`;
  const preview = toPreview({ ...peeked, entries: new Map() }, 'new', null, null);
  return {
    ...preview,
    changes: { total: m.counts.changes, new: 0, ignored: 0 },
    headline: `来自${from}的${packageKindLabels[m.kind]}数据包：清单列有 ${m.counts.changes} 条修改${m.counts.attachments ? `、${m.counts.attachments} 份佐证材料` : ''}。这是第一次收到这台电脑的数据包，且内容较大，核对识别码之前不解开；请电话与对方核对识别码 ${peeked.fingerprint}，确认后导入时再逐条检查。`,
  };
}

export function previewPackage(core: Core, files: readonly FileContent[], progress: Progress = () => {}): ImportPreview {
  let opened: Opened;
  try {
    opened = open(core, files);
  } catch (error) {
    if (error instanceof SealedPackage) return sealedPreview(core, files);
    throw error;
  }
  const { pkg, trust } = opened;
  if (pkg.manifest.kind === 'receipt') return toPreview(pkg, trust, null, receiptIn(pkg));
  const summary = mergeCheckedChanges(core, checkedChanges(core, pkg, trust), {
    packageId: pkg.manifest.packageId,
    dryRun: true,
    maxAheadMs: maxAheadMs(core),
    onProgress: (done, total) => progress('正在核对数据包', done, total),
  });
  return toPreview(pkg, trust, summary, null);
}

export async function importPackage(core: Core, args: ParsedArgs<'sync.import'>, progress: Progress = () => {}): Promise<CallResult<'sync.import'>> {
  let opened: Opened;
  try {
    opened = open(core, args.files, args.trustFingerprint ?? null);
  } catch (error) {
    if (!(error instanceof SealedPackage)) throw error;
    const { manifest: sealed } = peekManifest(packageBytes(args.files));
    throw new AppError(
      'FORBIDDEN',
      `这是第一次收到这台电脑（${sealed.origin.officeName}${sealed.origin.departmentName ? ` ${sealed.origin.departmentName}` : ''}）的数据包。请电话与对方核对识别码 ${error.fingerprint}，确认后再导入。`,
    );
  }
  const { pkg, trust } = opened;
  const m = pkg.manifest;
  if (trust === 'new' && args.trustFingerprint !== pkg.fingerprint) {
    throw new AppError(
      'FORBIDDEN',
      `这是第一次收到这台电脑（${m.origin.officeName}${m.origin.departmentName ? ` ${m.origin.departmentName}` : ''}）的数据包。请电话与对方核对识别码 ${pkg.fingerprint}，确认后再导入。`,
    );
  }
  const receipt = m.kind === 'receipt' ? receiptIn(pkg) : null;
  const changes = receipt ? [] : checkedChanges(core, pkg, trust);
  await backupBefore(core, 'sync-import');
  const peer = m.origin.installationId;
  const from = `${m.origin.officeName}${m.origin.departmentName ? ` ${m.origin.departmentName}` : ''}`;
  let summary: MergeSummary | null = null;
  let notes: string[] = [];
  const noted = (preview: ImportPreview): ImportPreview => (notes.length > 0 ? { ...preview, headline: `${preview.headline}${notes.join('；')}。` } : preview);
  const apply = core.db.transaction(() => {
    if (trust === 'new') {
      core.db
        .prepare('INSERT INTO trusted_keys (installation_id, public_key, fingerprint, office_id, office_name, department_name, trusted_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(peer, pkg.publicKeyPem, pkg.fingerprint, m.origin.officeId, m.origin.officeName, m.origin.departmentName, stamp(core));
    }
    const ack = core.db.prepare('INSERT OR IGNORE INTO peer_acks (peer_id, hlc) VALUES (?, ?)');
    if (receipt) {
      for (const hlc of receipt.hlcs) ack.run(peer, hlc);
    } else {
      for (const [name, bytes] of pkg.entries) if (name.startsWith('attachments/')) storeBytes(core, Buffer.from(bytes));
      summary = mergeCheckedChanges(core, changes, { packageId: m.packageId, maxAheadMs: maxAheadMs(core), onProgress: (done, total) => progress('正在导入数据包', done, total) });
      // The sender holds everything it sent.
      for (const hlc of summary.hlcs) ack.run(peer, hlc);
      notes = reconcileDepartments(core, { officeId: m.origin.officeId, departmentId: m.origin.departmentId }, m.kind);
    }
    const preview = noted(toPreview(pkg, trust, summary, receipt));
    recordPackage(core, m.packageId, 'in', m.kind, peer, from, args.files[0]?.fileName ?? null, preview.headline);
  });
  try {
    // IMMEDIATE: take the write lock first, so another process's write waits instead of failing midway.
    apply.immediate();
  } finally {
    // Binding to the office's department may have changed this PC's identity (or been rolled back).
    core.reloadIdentity();
  }
  const preview = noted(toPreview(pkg, trust, summary, receipt));
  if (summary && (summary as MergeSummary).changes.new > 0) core.emit({ type: 'changed', tables: Object.keys((summary as MergeSummary).tables) });
  let receiptFile: CallResult<'sync.import'>['receipt'] = null;
  if (!receipt) {
    const hlcs = (summary as MergeSummary | null)?.hlcs ?? [];
    const manifest = baseManifest(core, 'receipt', { receiptFor: m.packageId, recipient: { officeId: m.origin.officeId, departmentId: m.origin.departmentId, installationId: peer } });
    const bytes = sign(core, manifest, new Map([[RECEIPT_ENTRY, json({ packageId: m.packageId, hlcs })]]));
    receiptFile = { fileName: `${fileBase('receipt', core, null, null)}${PACKAGE_EXTENSION}`, contentBase64: Buffer.from(bytes).toString('base64') };
  }
  return { preview, receipt: receiptFile };
}

