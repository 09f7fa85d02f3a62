import path from 'node:path';
import type { ApiResult } from '../../shared/api';
import { formatsOfKind, reportFormats, reportKinds, type ReportFile, type ReportFormat, type ReportKind } from '../../shared/api/reports';
import { isPeriod } from '../../shared/domain/period';
import { isReportDate } from '../../shared/domain/report-date';
import type { Command, CommandContext, CommandOutput } from './commands';
import { departmentIdByName } from './lookup';
import { UsageError } from './output';
import { checkOutput, writeOutput } from './output-file';

/* 报表 from the command line: the same files as the 报表 page (PDF comes from the app's print view). */

function option(context: CommandContext, name: string): string | undefined {
  const value = context.options[name];
  return typeof value === 'string' ? value : undefined;
}

async function planIdsByTitle(context: CommandContext, title: string | undefined): Promise<string[]> {
  if (!title) return [];
  const plans = await context.invoke('plans.list', {});
  if (!plans.ok) return [];
  const found = plans.value.filter((p) => p.title === title || p.title.includes(title));
  if (found.length === 0) throw new UsageError(`找不到计划“${title}”，可用：${plans.value.map((p) => p.title).join('、')}`);
  return found.map((p) => p.id);
}

function writeReport(context: CommandContext, out: string, file: ReportFile): CommandOutput {
  writeOutput(out, Buffer.from(file.contentBase64, 'base64'), { databasePath: context.databasePath, force: context.options.force === true });
  return { json: { file: out, fileName: file.fileName, bytes: file.bytes, summary: file.summary }, text: `已生成${file.summary}：${out}` };
}

async function scopeOf(context: CommandContext) {
  const period = option(context, 'period');
  if (!period || !isPeriod(period)) throw new UsageError(`请用 --period 指定季度，例如 2025-Q1${period ? `，收到“${period}”` : ''}`);
  const departmentId = await departmentIdByName(context, option(context, 'department'));
  // --include-submitted: submitted entries too, printed with （待审核）; by default only approved ones.
  const includeSubmitted = context.options['include-submitted'] === true;
  return { period, departmentIds: departmentId ? [departmentId] : [], planIds: await planIdsByTitle(context, option(context, 'plan')), includeSubmitted };
}

/** --date: the Word report's 落款 date; today when left out. */
function dateOf(context: CommandContext): string | undefined {
  const date = option(context, 'date');
  if (date === undefined) return undefined;
  if (!isReportDate(date)) throw new UsageError(`--date 应为有效日期，格式 YYYY-MM-DD，例如 2025-04-12，收到“${date}”`);
  return date;
}

export const reportCommands: Record<string, Command> = {
  report: {
    summary: '生成报表：台账、指标完成情况表、催办清单（Excel/CSV）、情况报告（Word），或按已保存的上级表样填报；--date 为 Word 报告的落款日期（默认今天）',
    usage:
      'report --kind ledger|indicators|summary|reminders --format xlsx|docx|csv --period 2025-Q1 [--department <名称>] [--plan <计划标题>] [--per-department] [--include-submitted] [--date YYYY-MM-DD] --out <文件> [--force]\n' +
      '       report --template <接收单位> --period 2025-Q1 [--department <名称>] --out <文件>',
    options: {
      kind: { type: 'string' },
      format: { type: 'string' },
      period: { type: 'string' },
      department: { type: 'string' },
      plan: { type: 'string' },
      'per-department': { type: 'boolean' },
      'include-submitted': { type: 'boolean' },
      template: { type: 'string' },
      date: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
    },
    run: async (context): Promise<ApiResult<CommandOutput>> => {
      const out = option(context, 'out');
      if (!out) throw new UsageError('请用 --out 指定报表文件');
      // Before the report is built: a refused --out costs no work.
      checkOutput(out, { databasePath: context.databasePath, force: context.options.force === true });
      const recipient = option(context, 'template');
      if (recipient) {
        const templates = await context.invoke('report.templates.list', {});
        if (!templates.ok) return templates;
        const template = templates.value.find((t) => t.recipient === recipient);
        if (!template) throw new UsageError(`没有“${recipient}”的表样，已保存：${templates.value.map((t) => t.recipient).join('、') || '无'}`);
        const filled = await context.invoke('report.fill', { templateId: template.id, scope: await scopeOf(context), save: false });
        return filled.ok ? { ok: true, value: writeReport(context, out, filled.value) } : filled;
      }
      const date = dateOf(context);
      const kind = option(context, 'kind');
      if (!kind || !(reportKinds as readonly string[]).includes(kind)) throw new UsageError(`--kind 应为 ${reportKinds.join('、')}`);
      const format = option(context, 'format') ?? path.extname(out).slice(1).toLowerCase();
      if (!(reportFormats as readonly string[]).includes(format)) throw new UsageError(`--format 应为 ${reportFormats.join('、')}`);
      if (!formatsOfKind[kind as ReportKind].includes(format as ReportFormat)) {
        throw new UsageError(`${kind} 报表可导出为 ${formatsOfKind[kind as ReportKind].join('、')}，不能导出为 ${format}`);
      }
      const built = await context.invoke('report.build', {
        kind: kind as ReportKind,
        format: format as ReportFormat,
        scope: await scopeOf(context),
        sheetPerDepartment: context.options['per-department'] === true,
        save: false,
        ...(date ? { date } : {}),
      });
      return built.ok ? { ok: true, value: writeReport(context, out, built.value) } : built;
    },
  },
};
