import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Attachment } from '../../shared/api/progress';
import { isSha256 } from '../../shared/domain/content-hash';
import { writeFileAtomic } from '../core/atomic-file';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';
import { AppError } from '../core/app-error';
import { newId, progressReportId } from '../core/ids';
import { attachmentsOf, draftKey, liveEntryRow, readDraft, requireLedTask, statusOf, workflowOf } from './progress-data';

/** 20 MB: a scanned notice or a dozen photos; larger files should be compressed or split. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

interface FileType {
  readonly mime: string;
  readonly label: string;
  readonly magic: (bytes: Buffer) => boolean;
}

const startsWith = (bytes: Buffer, signature: number[]) => bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
const zip = (bytes: Buffer) => startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]);
const jpeg: FileType = { mime: 'image/jpeg', label: 'JPG 图片', magic: (b) => startsWith(b, [0xff, 0xd8, 0xff]) };

const fileTypes: Record<string, FileType> = {
  // At offset 0: an HTML page with "%PDF-" in a comment is not a PDF.
  pdf: { mime: 'application/pdf', label: 'PDF 文件', magic: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word 文档（.docx）', magic: zip },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel 表格（.xlsx）', magic: zip },
  jpg: jpeg,
  jpeg,
  png: { mime: 'image/png', label: 'PNG 图片', magic: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
};

const ALLOWED = '只能上传 PDF、Word（.docx）、Excel（.xlsx）、JPG 或 PNG 格式的佐证材料';
const olderFormats: Record<string, string> = {
  doc: '.doc 是旧版 Word 格式，请在 Word 或 WPS 中“另存为”.docx 后再上传',
  xls: '.xls 是旧版 Excel 格式，请在 Excel 或 WPS 中“另存为”.xlsx 后再上传',
  wps: '.wps 文件请在 WPS 中“另存为”.docx 或 PDF 后再上传',
};

function invalid(message: string, field = 'fileName'): AppError {
  return new AppError('INVALID_ARGUMENT', message, { [field]: message });
}

/** Bidirectional controls: a name can hide "fdp.exe" behind U+202E. */
const BIDI = new Set([0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
/** Characters a file name may not hold on Windows (paths, wildcards). */
const SEPARATORS = '/\\:*?"<>|';
const hidden = (char: string) => {
  const code = char.codePointAt(0)!;
  return code < 0x20 || code === 0x7f || BIDI.has(code);
};
/** Names Windows reserves for devices, whatever the extension. */
const RESERVED_NAME = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i;

/** A name that is saved and opened as a file on any PC: no hidden characters, paths or device names. */
export function checkFileName(fileName: string): void {
  const chars = [...fileName];
  if (chars.some((char) => hidden(char) || SEPARATORS.includes(char)) || fileName.includes('..') || /^[.\s]|[.\s]$/.test(fileName)) {
    const shown = chars.map((char) => (hidden(char) ? '�' : char)).join('');
    throw invalid(`文件名“${shown}”含有不允许的字符（控制字符、方向控制符或 / \\ : * ? " < > |），请改名后再上传`);
  }
  if (RESERVED_NAME.test(fileName)) throw invalid(`“${fileName}”是 Windows 保留的设备名，请改名后再上传`);
}

/** Check the name, its extension and the content's signature agree with an allowed type. */
export function checkAttachment(fileName: string, bytes: Buffer): FileType {
  checkFileName(fileName);
  const extension = path.extname(fileName).slice(1).toLowerCase();
  const type = fileTypes[extension];
  if (!type) throw invalid(olderFormats[extension] ?? `${ALLOWED}，“${fileName}”不是这些格式`);
  if (bytes.length === 0) throw invalid(`“${fileName}”是空文件，请检查后重新选择`, 'contentBase64');
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw invalid(`“${fileName}”超过20MB，请压缩或拆分后再上传`, 'contentBase64');
  if (!type.magic(bytes)) throw invalid(`“${fileName}”的内容不是${type.label}，可能已损坏或改过扩展名，请用原程序重新导出后再上传`, 'contentBase64');
  return type;
}

const memoryFolders = new WeakMap<Core, string>();

/** Files live beside the database, by content hash; an in-memory database keeps them in a temp folder. */
export function attachmentFolder(core: Core): string {
  if (core.file === ':memory:' || core.file === '') {
    let folder = memoryFolders.get(core);
    if (!folder) {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-attachments-'));
      memoryFolders.set(core, folder);
    }
    return folder;
  }
  return path.join(path.dirname(path.resolve(core.file)), 'attachments');
}

/** Store the bytes once under their SHA-256; a temp file renamed into place, so a crash never leaves half a file. */
export function storeBytes(core: Core, bytes: Buffer): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const folder = attachmentFolder(core);
  const target = path.join(folder, sha256);
  if (fs.existsSync(target) && fs.statSync(target).size === bytes.length) return sha256;
  fs.mkdirSync(folder, { recursive: true });
  // Hidden temporary name: a half-written file never looks like a stored one.
  writeFileAtomic(target, bytes, path.join(folder, `.${sha256}.${randomBytes(6).toString('hex')}.tmp`));
  return sha256;
}

/** The stored file of a content hash; anything but a SHA-256 (a path from a crafted record) is refused. */
export function storedFile(core: Core, sha256: string | null, fileName: string | null): string {
  if (!isSha256(sha256)) throw new AppError('INVALID_ARGUMENT', `佐证材料“${fileName ?? ''}”的校验值不正确，无法打开；请重新上传该文件`);
  return path.join(attachmentFolder(core), sha256);
}

interface AttachmentRow {
  id: string;
  owner_table: string | null;
  owner_id: string | null;
  file_name: string | null;
  mime: string | null;
  size: number | null;
  sha256: string | null;
}

function attachmentRow(core: Core, id: string): AttachmentRow {
  const row = core.db.prepare('SELECT * FROM attachments WHERE id = ? AND deleted = 0').get(id) as AttachmentRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '找不到该佐证材料，可能已被删除');
  return row;
}

function assertOwnerUnlocked(core: Core, row: AttachmentRow): void {
  if (row.owner_table !== 'progress_reports' || !row.owner_id) return;
  const owner = liveEntryRow(core, row.owner_id);
  if (owner && workflowOf(owner.workflow_state) === 'approved') throw new AppError('LOCKED');
}

export const attachmentHandlers: HandlerMap<'attachments.add' | 'attachments.read' | 'attachments.remove'> = {
  'attachments.add': ({ core }, args): Attachment => {
    requireLedTask(core, args.taskId, args.departmentId);
    const entryId = progressReportId(args.taskId, args.departmentId, args.period);
    const entry = liveEntryRow(core, entryId);
    if (entry && workflowOf(entry.workflow_state) === 'approved') throw new AppError('LOCKED');
    const bytes = Buffer.from(args.contentBase64, 'base64');
    const type = checkAttachment(args.fileName, bytes);
    // Bytes first: a row never points at a file that was not written; a stray file is harmless.
    const sha256 = storeBytes(core, bytes);
    const same = attachmentsOf(core, entryId).find((a) => a.sha256 === sha256 && a.fileName === args.fileName);
    if (same) return same;
    const id = newId();
    core.mutations.run((writer) => {
      if (!entry) {
        // Evidence needs an entry to hang on: start it as a draft from what the clerk has typed so far.
        const draft = readDraft(core, draftKey(args.taskId, args.departmentId, args.period));
        writer.insert('progress_reports', entryId, {
          task_id: args.taskId,
          department_id: args.departmentId,
          period: args.period,
          status: statusOf(draft?.status ?? null),
          percent: draft?.percent ?? null,
          progress_text: draft?.progressText ?? '',
          problems_text: draft?.problemsText ?? '',
          next_steps_text: draft?.nextStepsText ?? '',
          workflow_state: 'draft',
          review_comment: null,
        });
      }
      writer.insert('attachments', id, { owner_table: 'progress_reports', owner_id: entryId, file_name: args.fileName, mime: type.mime, size: bytes.length, sha256 });
    });
    return { id, fileName: args.fileName, mime: type.mime, size: bytes.length, sha256 };
  },

  'attachments.read': ({ core }, args) => {
    const row = attachmentRow(core, args.id);
    const file = storedFile(core, row.sha256, row.file_name);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new AppError('NOT_FOUND', `佐证材料文件已丢失：“${row.file_name ?? ''}”不在本机的 attachments 文件夹中，请重新上传，或从备份恢复该文件夹`);
    }
    return { fileName: row.file_name ?? '', mime: row.mime ?? 'application/octet-stream', contentBase64: bytes.toString('base64') };
  },

  'attachments.remove': ({ core }, args) => {
    const row = attachmentRow(core, args.id);
    assertOwnerUnlocked(core, row);
    // The file stays: other entries may hold the same bytes, and history may point at it.
    core.mutations.run((writer) => writer.remove('attachments', args.id));
    return null;
  },
};
