import { z } from 'zod';
import { defineCall } from './define';
import { empty, requiredText } from './common';

/** Why a backup was taken; manual and pre-restore backups are kept until the clerk deletes them. */
export const backupReasons = ['daily', 'manual', 'import', 'sync-import', 'sheet', 'migrate', 'restore'] as const;
export type BackupReason = (typeof backupReasons)[number];

export const backupReasonLabels: Record<BackupReason, string> = {
  daily: '每日自动备份',
  manual: '手动备份',
  import: '导入计划前',
  'sync-import': '导入数据包前',
  sheet: '导入填报表前',
  migrate: '软件升级前',
  restore: '恢复前',
};

/** Reasons the retention rule never deletes: the clerk asked for them, or they undo a restore. */
export const keptBackupReasons: readonly BackupReason[] = ['manual', 'restore'];

export const BACKUP_KEEP_DEFAULT = 10;
export const BACKUP_KEEP_MIN = 1;
export const BACKUP_KEEP_MAX = 100;

/** `20250301-083000-123-daily`: time (UTC) and reason; also the file name, so nothing else is allowed. */
export const backupId = z.string({ error: '备份编号必须是文字' }).regex(/^\d{8}-\d{6}-\d{3}(-\d+)?-[a-z-]{3,20}$/, { error: '备份编号格式不正确' });

export const backupCounts = z.object({
  plans: z.number().int(),
  tasks: z.number().int(),
  progressReports: z.number().int(),
  attachments: z.number().int(),
});

export const backupInfo = z.object({
  id: backupId,
  createdAt: z.string(),
  reason: z.enum(backupReasons),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  installationId: z.string(),
  officeName: z.string(),
  counts: backupCounts,
  /** Database file plus the attachment files it references. */
  bytes: z.number().int(),
  /** Attachment files the database referenced but were already missing when it was backed up. */
  missingAttachments: z.number().int(),
  /** Not removed by the "keep the last N" rule. */
  kept: z.boolean(),
});
export type BackupInfo = z.infer<typeof backupInfo>;

export const backupList = z.object({
  folder: z.string(),
  keep: z.number().int(),
  backups: z.array(backupInfo),
});
export type BackupList = z.infer<typeof backupList>;

export const restoreResult = z.object({
  /** What was restored, as read from the backup itself. */
  restored: z.object({
    /** 备份时间 (ISO) when the backup says so; a bare database file does not. */
    createdAt: z.string().nullable(),
    reason: z.enum(backupReasons).nullable(),
    officeName: z.string(),
    schemaVersion: z.number().int(),
    counts: backupCounts,
  }),
  /** The state just before the restore, kept as a backup so the restore can be undone. */
  safetyBackup: backupInfo.nullable(),
  /** Referenced attachment files found nowhere (neither in the backup nor on this PC). */
  missingAttachments: z.number().int(),
  /** PCs the backup trusted that this PC had not confirmed itself (trust is never restored from a file): checked again by fingerprint. */
  unconfirmedPeers: z.number().int(),
  installationId: z.string(),
  fingerprint: z.string(),
});
export type RestoreResult = z.infer<typeof restoreResult>;

const keep = z
  .number({ error: '保留份数必须是数字' })
  .int({ error: '保留份数应为整数' })
  .min(BACKUP_KEEP_MIN, { error: `保留份数不能少于${BACKUP_KEEP_MIN}` })
  .max(BACKUP_KEEP_MAX, { error: `保留份数不能超过${BACKUP_KEEP_MAX}` });

/** 备份与恢复. */
export const backupApi = {
  'backup.list': defineCall({
    summary: '列出本机的备份（最新的在前）和自动备份保留份数',
    args: empty,
    result: backupList,
    errors: [],
  }),
  'backup.create': defineCall({
    summary: '立即备份数据库和佐证材料（手动备份，不会被自动清理）',
    args: empty,
    result: backupInfo,
    errors: ['DISK_FULL', 'READ_ONLY', 'UNAVAILABLE'],
    longJob: true,
  }),
  'backup.export': defineCall({
    summary: '把一份备份连同佐证材料另存为一个 .tlbak 文件（可拷到U盘或其他电脑）',
    args: z.object({ id: backupId, out: requiredText('保存位置', 4000) }).strict(),
    result: z.object({ file: z.string(), bytes: z.number().int() }),
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT', 'DISK_FULL', 'READ_ONLY'],
    shellOnly: true,
  }),
  'backup.restore': defineCall({
    summary: '从本机的一份备份恢复全部数据（先核对备份并备份当前数据；恢复后本机使用新的身份）',
    args: z.object({ id: backupId }).strict(),
    result: restoreResult,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT', 'CORRUPT', 'DATABASE_NEWER', 'DATABASE_LOCKED', 'DISK_FULL', 'READ_ONLY', 'UNAVAILABLE'],
    longJob: true,
  }),
  'backup.restoreFile': defineCall({
    summary: '从备份文件（.tlbak 或 .sqlite）恢复全部数据',
    args: z.object({ file: requiredText('备份文件', 4000) }).strict(),
    result: restoreResult,
    errors: ['NOT_FOUND', 'INVALID_ARGUMENT', 'CORRUPT', 'DATABASE_NEWER', 'DATABASE_LOCKED', 'DISK_FULL', 'READ_ONLY', 'UNAVAILABLE'],
    longJob: true,
    shellOnly: true,
  }),
  'backup.remove': defineCall({
    summary: '删除本机的一份备份',
    args: z.object({ id: backupId }).strict(),
    result: backupList,
    errors: ['NOT_FOUND'],
  }),
  'backup.setKeep': defineCall({
    summary: '设置自动备份保留的份数（1–100）',
    args: z.object({ keep }).strict(),
    result: backupList,
    errors: ['INVALID_ARGUMENT'],
  }),
} as const;
