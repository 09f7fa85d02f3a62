import type { ReportKind, ReportModel } from '../../../shared/api/reports';
import { reportKindLabels } from '../../../shared/api/reports';
import { reportTitle } from '../../../shared/reports/titles';
import { chineseDate } from './format';

/*
 * The words above each printed table, worded as the Excel 台账 words them
 * (electron/reports/xlsx-titles.ts) so paper and spreadsheet carry the same title.
 */

/** 渝北区卫生健康委《2025年工作要点》重点工作台账（2025年第一季度）. */
export function documentTitle(model: ReportModel, kind: ReportKind): string {
  return reportTitle(model, reportKindLabels[kind]);
}

/** 范围：全区 · 统计截至：2025年3月31日 · 生成日期：2025年4月20日. */
export function metaLine(model: ReportModel): string[] {
  return [`范围：${model.scopeLabel}`, `统计截至：${chineseDate(model.asOf)}`, `生成日期：${chineseDate(model.generatedAt)}`];
}
