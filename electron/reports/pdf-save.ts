import type { ReportKind, ReportModel } from '../../shared/api/reports';
import { reportKindLabels } from '../../shared/api/reports';
import type { HandlerMap } from '../core/handler';
import { AppError } from '../core/app-error';
import { reportBaseName, reportFileResult } from './files';
import { buildReportModel } from './model';

/*
 * The desktop shell prints the print view to PDF (the core has no browser) and hands the bytes
 * here: the core names the file from the same model the print view showed and saves it beside
 * the other reports, so 打开所在文件夹 and the file names work as for Excel and Word.
 */

const PDF_MAGIC = '%PDF-';

function pdfSummary(model: ReportModel, kind: ReportKind): string {
  if (kind === 'indicators') return `${model.periodLabel}${model.indicators.length}项指标（PDF）`;
  if (kind === 'reminders') return `${model.periodLabel}需催办${model.reminders.reduce((n, g) => n + g.items.length, 0)}项（PDF）`;
  return `${model.periodLabel}${model.scopeLabel}${reportKindLabels[kind]}，${model.tasks.length}项重点工作（PDF）`;
}

export const pdfSaveHandlers: HandlerMap<'report.savePdf'> = {
  'report.savePdf': ({ core }, args) => {
    const bytes = Buffer.from(args.contentBase64, 'base64');
    // Only a PDF goes into the reports folder under a report's name.
    if (bytes.subarray(0, PDF_MAGIC.length).toString('latin1') !== PDF_MAGIC) throw new AppError('INVALID_ARGUMENT', '收到的内容不是 PDF 文件，未保存');
    const model = buildReportModel(core, args.scope, { kind: args.kind });
    return reportFileResult(core, `${reportBaseName(model, args.kind)}.pdf`, bytes, pdfSummary(model, args.kind), true);
  },
};
