import type { ReportKind, ReportModel } from '../../shared/api/reports';
import { reportKindLabels } from '../../shared/api/reports';
import type { HandlerContext, HandlerMap } from '../core/handler';
import { AppError } from '../core/app-error';
import { reportCsv } from './csv';
import { reminderDocument } from './docx-reminders';
import { summaryDocument } from './docx-summary';
import { reportBaseName, reportFileResult, savedReportFolder } from './files';
import { buildReportModel } from './model';
import { pdfSaveHandlers } from './pdf-save';
import { deleteTemplate, fillTemplate, inspectTemplate, listTemplates, saveTemplate } from './templates';
import { indicatorWorkbook } from './xlsx-indicators';
import { ledgerWorkbook } from './xlsx-ledger';
import { reminderWorkbook } from './xlsx-reminders';

/** The bar runs in percent: reading the data is the first half, laying out the file the second. */
const HALF = 50;

function modelWithProgress(ctx: HandlerContext, kind: ReportKind, scope: Parameters<typeof buildReportModel>[1]): ReportModel {
  const label = `正在读取${reportKindLabels[kind]}数据`;
  ctx.progress(label, 0, 2 * HALF);
  return buildReportModel(ctx.core, scope, { kind, onProgress: (done, total) => ctx.progress(label, Math.floor((done / total) * HALF), 2 * HALF) });
}

function summaryOf(model: ReportModel, kind: ReportKind): string {
  if (kind === 'indicators') return `${model.periodLabel}${model.indicators.length}项指标`;
  if (kind === 'reminders') return `${model.periodLabel}需催办${model.reminders.reduce((n, g) => n + g.items.length, 0)}项（${model.reminders.length}个科室）`;
  return `${model.periodLabel}${model.scopeLabel}${model.tasks.length}项重点工作`;
}

export const reportHandlers: HandlerMap<
  'report.model' | 'report.build' | 'report.pdf' | 'report.reveal' | 'report.templates.list' | 'report.templates.inspect' | 'report.templates.save' | 'report.templates.delete' | 'report.fill' | 'report.savePdf'
> = {
  ...pdfSaveHandlers,
  'report.model': ({ core }, args) => buildReportModel(core, args.scope, { kind: args.kind }),
  'report.build': async (ctx, args) => {
    const model = modelWithProgress(ctx, args.kind, args.scope);
    ctx.progress('正在生成文件', HALF, 2 * HALF);
    let bytes: Uint8Array;
    if (args.format === 'csv') bytes = reportCsv(model, args.kind === 'summary' ? 'ledger' : args.kind);
    else if (args.format === 'docx') bytes = args.kind === 'reminders' ? await reminderDocument(model, args.date) : await summaryDocument(model, args.date);
    else if (args.kind === 'indicators') bytes = await indicatorWorkbook(model);
    else if (args.kind === 'reminders') bytes = await reminderWorkbook(model);
    else bytes = await ledgerWorkbook(model, { sheetPerDepartment: args.sheetPerDepartment });
    const file = reportFileResult(ctx.core, `${reportBaseName(model, args.kind)}.${args.format}`, bytes, summaryOf(model, args.kind), args.save);
    ctx.progress('报表已生成', 2 * HALF, 2 * HALF);
    return file;
  },
  // The desktop shell answers this itself (printToPDF of the print view); the core has no browser.
  'report.pdf': () => {
    throw new AppError('UNAVAILABLE', 'PDF 需在桌面程序中生成；在浏览器中请打开打印预览，用“打印→另存为 PDF”');
  },
  // The core checks the path is one of its reports; the desktop shell then shows it in the folder.
  'report.reveal': ({ core }, args) => ({ revealed: false, folder: savedReportFolder(core, args.path) }),
  'report.templates.list': ({ core }) => listTemplates(core),
  'report.templates.inspect': (_ctx, args) => inspectTemplate(args.file),
  'report.templates.save': ({ core }, args) => saveTemplate(core, args),
  'report.templates.delete': ({ core }, args) => {
    deleteTemplate(core, args.id);
    return null;
  },
  'report.fill': async (ctx, args) => {
    const model = modelWithProgress(ctx, 'ledger', args.scope);
    ctx.progress('正在填写上级表样', HALF, 2 * HALF);
    const filled = await fillTemplate(ctx.core, args.templateId, model);
    const file = reportFileResult(ctx.core, filled.fileName, filled.bytes, filled.summary, args.save);
    ctx.progress('报表已生成', 2 * HALF, 2 * HALF);
    return file;
  },
};
