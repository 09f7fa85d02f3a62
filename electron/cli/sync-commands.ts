import fs from 'node:fs';
import path from 'node:path';
import type { ApiResult } from '../../shared/api';
import { packageSizeProblem } from '../../shared/sync/limits';
import { packageKinds, type PackageKind } from '../../shared/sync/manifest';
import type { Command, CommandContext, CommandOutput } from './commands';
import { departmentIdByName } from './lookup';
import { UsageError } from './output';
import { checkOutput, writeOutput } from './output-file';

/* 数据交换 from the command line: the same calls as the 数据交换 page. */

function option(context: CommandContext, name: string): string | undefined {
  const value = context.options[name];
  return typeof value === 'string' ? value : undefined;
}

function readFiles(paths: readonly string[]): { fileName: string; contentBase64: string }[] {
  if (paths.length === 0) throw new UsageError('请指定数据包文件（分卷的数据包请把各部分都列出）');
  // Sizes first: a file too large to read whole is refused saying what to do, before any is read.
  const sizes = paths.map((file) => {
    try {
      return { name: path.basename(file), size: fs.statSync(file).size };
    } catch {
      throw new UsageError(`无法读取文件“${file}”，请检查路径`);
    }
  });
  const tooLarge = packageSizeProblem(sizes);
  if (tooLarge) throw new UsageError(tooLarge);
  return paths.map((file) => {
    try {
      return { fileName: path.basename(file), contentBase64: fs.readFileSync(file).toString('base64') };
    } catch {
      throw new UsageError(`无法读取文件“${file}”，请检查路径`);
    }
  });
}

function writeFile(context: CommandContext, file: string, contentBase64: string): void {
  writeOutput(file, Buffer.from(contentBase64, 'base64'), { databasePath: context.databasePath, force: context.options.force === true });
}

/** The name of part `n` of `count` when --split-mb cuts a package. */
function partPath(out: string, n: number, count: number): string {
  return count === 1 ? out : out.replace(/(\.tlpkg)?$/, `.part${n}of${count}.tlpkg`);
}

/**
 * Before exporting (which records the package in 收发记录): --out must be writable, and with
 * --split-mb no earlier part of that name may be in the way, since the number of parts is known only after.
 */
function checkExportOutput(context: CommandContext, out: string, split: boolean): void {
  const force = context.options.force === true;
  checkOutput(out, { databasePath: context.databasePath, force });
  if (!split || force) return;
  const prefix = `${path.basename(out).replace(/\.tlpkg$/, '')}.part`;
  const folder = path.dirname(path.resolve(out));
  const clash = fs.existsSync(folder) ? fs.readdirSync(folder).find((name) => name.startsWith(prefix) && /^\d+of\d+\.tlpkg$/.test(name.slice(prefix.length))) : undefined;
  if (clash) throw new UsageError(`文件“${path.join(path.dirname(out), clash)}”已存在，未作任何改动；如要替换请加 --force，或换一个文件名`);
}

/** `name.tlpkg`, or `name-2.tlpkg`… when that file exists: a receipt written beside a package never replaces a file. */
export function freePath(file: string): string {
  const ext = path.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  let candidate = file;
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${stem}-${n}${ext}`;
  return candidate;
}

/** --for takes a received package file (its id is read from it) or the id itself. */
async function packageIdOf(context: CommandContext, value: string | undefined): Promise<string | null> {
  if (!value) return null;
  if (!fs.existsSync(value)) return value;
  const verified = await context.invoke('sync.verify', { files: readFiles([value]) });
  if (!verified.ok) throw new UsageError(verified.error.message);
  return verified.value.packageId;
}

export const syncCommands: Record<string, Command> = {
  export: {
    summary: '导出数据包（下发、上报、全量、回执）或Excel填报表（--kind sheet）',
    usage: 'export --kind assignment|return|full|receipt|sheet [--department <名称>] [--to-office <电脑编号>] [--period 2025-Q1] [--for <收到的数据包文件或编号>] [--split-mb <n>] --out <文件> [--force]',
    options: { kind: { type: 'string' }, department: { type: 'string' }, 'to-office': { type: 'string' }, period: { type: 'string' }, for: { type: 'string' }, 'split-mb': { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
    run: async (context): Promise<ApiResult<CommandOutput>> => {
      const kind = option(context, 'kind');
      const out = option(context, 'out');
      if (!out) throw new UsageError('请用 --out 指定导出的文件');
      checkExportOutput(context, out, kind !== 'sheet' && option(context, 'split-mb') !== undefined);
      if (kind === 'sheet') {
        const departmentId = await departmentIdByName(context, option(context, 'department'));
        const period = option(context, 'period');
        if (!departmentId || !period) throw new UsageError('导出填报表需要 --department 和 --period');
        const sheet = await context.invoke('sync.exportSheet', { departmentId, period });
        if (!sheet.ok) return sheet;
        writeFile(context, out, sheet.value.contentBase64);
        return { ok: true, value: { json: { file: out }, text: `已导出填报表：${out}` } };
      }
      if (!kind || !(packageKinds as readonly string[]).includes(kind)) throw new UsageError(`--kind 应为 ${[...packageKinds, 'sheet'].join('、')}`);
      const split = option(context, 'split-mb');
      if (split !== undefined && !/^\d+(\.\d+)?$/.test(split)) throw new UsageError(`--split-mb 必须是数字，收到“${split}”`);
      const result = await context.invoke('sync.export', {
        kind: kind as PackageKind,
        departmentId: await departmentIdByName(context, option(context, 'department')),
        toInstallationId: option(context, 'to-office') ?? null,
        period: option(context, 'period') ?? null,
        forPackageId: await packageIdOf(context, option(context, 'for')),
        splitMb: split === undefined ? null : Number(split),
      });
      if (!result.ok) return result;
      const files = result.value.files.map((file, i) => {
        const target = partPath(out, i + 1, result.value.files.length);
        writeFile(context, target, file.contentBase64);
        return target;
      });
      return { ok: true, value: { json: { packageId: result.value.packageId, changes: result.value.changes, files }, text: `${result.value.summary}\n${files.join('\n')}` } };
    },
  },

  import: {
    summary: '导入数据包：先核对（--dry-run 只核对不写入），首次来自某台电脑需 --trust <识别码>；导入后在同一文件夹写出回执',
    usage: 'import <文件…> [--dry-run] [--trust <识别码>] [--json]',
    options: { 'dry-run': { type: 'boolean' }, trust: { type: 'string' } },
    run: async (context): Promise<ApiResult<CommandOutput>> => {
      const files = readFiles(context.positionals);
      const render = (preview: { headline: string; changes: { total: number; new: number; ignored: number }; conflicts: number; tables: { label: string; new: number; updated: number; unchanged: number; conflicts: number; ignored: number }[]; origin: { fingerprint: string; trust: string } }) =>
        [
          preview.headline,
          `签名者识别码：${preview.origin.fingerprint}${preview.origin.trust === 'new' ? '（首次收到，请电话核对）' : ''}`,
          ...preview.tables.map((t) => `  ${t.label}：新增 ${t.new}，更新 ${t.updated}，无变化 ${t.unchanged}，冲突 ${t.conflicts}，已有 ${t.ignored}`),
        ].join('\n');
      if (context.options['dry-run'] === true) {
        const preview = await context.invoke('sync.preview', { files });
        if (!preview.ok) return preview;
        return { ok: true, value: { json: preview.value, text: render(preview.value) } };
      }
      const result = await context.invoke('sync.import', { files, trustFingerprint: option(context, 'trust') ?? null });
      if (!result.ok) return result;
      let receiptPath: string | null = null;
      if (result.value.receipt) {
        receiptPath = freePath(path.join(path.dirname(context.positionals[0]!), result.value.receipt.fileName));
        writeFile(context, receiptPath, result.value.receipt.contentBase64);
      }
      return { ok: true, value: { json: { ...result.value.preview, receiptFile: receiptPath }, text: `${render(result.value.preview)}${receiptPath ? `\n回执：${receiptPath}` : ''}` } };
    },
  },

  verify: {
    summary: '验证数据包的签名和完整性，显示签名者识别码',
    usage: 'verify <文件…> [--json]',
    options: {},
    run: async (context) => {
      const result = await context.invoke('sync.verify', { files: readFiles(context.positionals) });
      if (!result.ok) return result;
      const v = result.value;
      return { ok: true, value: { json: v, text: `签名有效：${v.officeName}${v.departmentName ? ` ${v.departmentName}` : ''}，识别码 ${v.fingerprint}，${v.changes} 条修改，${v.attachments} 份佐证材料` } };
    },
  },

  conflicts: {
    summary: '列出冲突队列',
    usage: 'conflicts [--json]',
    options: {},
    run: async (context) => {
      const result = await context.invoke('sync.conflicts', {});
      if (!result.ok) return result;
      return {
        ok: true,
        value: { json: result.value, text: result.value.length === 0 ? '没有冲突。' : result.value.map((c) => `${c.title}\n${c.heads.map((h) => `    ${JSON.stringify(h.value)}（${h.actor || '未署名'}，${h.officeName}，${h.at.slice(0, 16)}）`).join('\n')}`).join('\n') },
      };
    },
  },
};
