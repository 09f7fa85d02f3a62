import fs from 'node:fs';
import path from 'node:path';
import type { ApiResult } from '../../shared/api';
import { backupId, backupReasonLabels, type BackupInfo, type RestoreResult } from '../../shared/api/backup';
import type { Command, CommandContext, CommandOutput } from './commands';
import { UsageError } from './output';
import { checkOutput, checkOutputFolder } from './output-file';

/* 备份与恢复 from the command line: the same calls as 设置 → 备份与恢复. */

function localTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function contents(counts: BackupInfo['counts']): string {
  return `计划 ${counts.plans} 个，任务 ${counts.tasks} 项，进展 ${counts.progressReports} 条，佐证材料 ${counts.attachments} 份`;
}

function describe(backup: BackupInfo): string {
  return `${backup.id}  ${localTime(backup.createdAt)}  ${backupReasonLabels[backup.reason]}  ${contents(backup.counts)}  ${formatBytes(backup.bytes)}`;
}

function restoredText(result: RestoreResult): string {
  const when = result.restored.createdAt ? ` ${localTime(result.restored.createdAt)} 的备份` : '备份文件';
  return [
    `已恢复到${when}：${result.restored.officeName}，${contents(result.restored.counts)}。`,
    result.safetyBackup ? `恢复前的数据已另行备份：${result.safetyBackup.id}（可用 restore ${result.safetyBackup.id} 撤销这次恢复）` : '',
    result.missingAttachments > 0 ? `注意：有 ${result.missingAttachments} 份佐证材料的文件在备份和本机中都找不到。` : '',
    result.unconfirmedPeers > 0 ? `注意：${result.unconfirmedPeers} 台电脑的识别码需在下次收到数据包时重新核对（对其他电脑的信任不从备份文件恢复）。` : '',
    `本机已换用新的身份，新识别码：${result.fingerprint}。下次与其他电脑交换数据时，对方需要电话核对后重新信任本机。`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** --out is a .tlbak file (never replaced: backup has no --force) or an existing folder to put one in. */
function checkBackupOutput(context: CommandContext, out: string): void {
  if (fs.statSync(out, { throwIfNoEntry: false })?.isDirectory()) checkOutputFolder(out, { databasePath: context.databasePath });
  else checkOutput(out, { databasePath: context.databasePath, force: false, createFolders: false });
}

export const backupCommands: Record<string, Command> = {
  backup: {
    summary: '立即备份数据库和佐证材料（--out 另存为 .tlbak 文件，--list 列出本机的备份）',
    usage: 'backup [--out <文件或文件夹>] | backup --list [--json]',
    options: { out: { type: 'string' }, list: { type: 'boolean' } },
    run: async (context: CommandContext): Promise<ApiResult<CommandOutput>> => {
      const out = context.options.out;
      if (context.options.list === true) {
        if (typeof out === 'string') throw new UsageError('--list 不能和 --out 一起使用');
        const list = await context.invoke('backup.list', {});
        if (!list.ok) return list;
        const lines = list.value.backups.length === 0 ? ['还没有备份。'] : list.value.backups.map(describe);
        lines.push(`备份文件夹：${list.value.folder}`, `自动备份保留最近 ${list.value.keep} 份；手动备份和恢复前的备份不会自动删除。`);
        return { ok: true, value: { json: list.value, text: lines.join('\n') } };
      }
      // Before the backup is made: a refused --out must not leave a 手动备份 that is never pruned.
      if (typeof out === 'string') checkBackupOutput(context, out);
      const created = await context.invoke('backup.create', {});
      if (!created.ok) return created;
      const text = [`已备份：${describe(created.value)}`];
      let exported: { file: string; bytes: number } | null = null;
      if (typeof out === 'string') {
        const result = await context.invoke('backup.export', { id: created.value.id, out: path.resolve(out) });
        if (!result.ok) return result;
        exported = result.value;
        text.push(`已另存为：${exported.file}（${formatBytes(exported.bytes)}）`);
      }
      return { ok: true, value: { json: { backup: created.value, exported }, text: text.join('\n') } };
    },
  },

  restore: {
    summary: '从备份恢复全部数据：本机备份的编号（见 backup --list），或 .tlbak / .sqlite 备份文件；恢复前先备份当前数据',
    usage: 'restore <备份编号或备份文件> [--json]',
    options: {},
    run: async (context: CommandContext): Promise<ApiResult<CommandOutput>> => {
      const target = context.positionals[0];
      if (!target) throw new UsageError('请指定要恢复的备份：备份编号（见 backup --list）或备份文件');
      if (context.positionals.length > 1) throw new UsageError('一次只能恢复一份备份');
      const result = backupId.safeParse(target).success
        ? await context.invoke('backup.restore', { id: target })
        : await context.invoke('backup.restoreFile', { file: path.resolve(target) });
      if (!result.ok) return result;
      return { ok: true, value: { json: result.value, text: restoredText(result.value) } };
    },
  },
};
