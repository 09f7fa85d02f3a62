import type { ReportKind, ReportModel } from '../../../shared/api/reports';
import { reportKindLabels } from '../../../shared/api/reports';
import { chineseDate } from './format';

/*
 * The words above each printed table, worded as the Excel 台账 words them
 * (electron/reports/xlsx-titles.ts) so paper and spreadsheet carry the same title.
 */

/** More plans than this are named by their year only (the plan rows in the table name each). */
const PLANS_IN_TITLE = 3;

/** A plan title without the office's name in front (it is already in the title): 《2025年工作要点》. */
function planName(title: string, officeName: string): string {
  const own = officeName && title.startsWith(officeName) && title.length > officeName.length ? title.slice(officeName.length) : title;
  return /^《.*》$/.test(own) ? own : `《${own}》`;
}

/** 渝北区卫生健康委《2025年工作要点》重点工作台账（2025年第一季度）. */
export function documentTitle(model: ReportModel, kind: ReportKind): string {
  const who = `${model.officeName}${model.departmentName ?? ''}`;
  const plans =
    model.plans.length === 0
      ? ''
      : model.plans.length <= PLANS_IN_TITLE
        ? model.plans.map((plan) => planName(plan.title, model.officeName)).join('、')
        : `${model.period.slice(0, 4)}年`;
  return `${who}${plans}${reportKindLabels[kind]}（${model.periodLabel}）`;
}

/** 范围：全区 · 统计截至：2025年3月31日 · 生成日期：2025年4月20日. */
export function metaLine(model: ReportModel): string[] {
  return [`范围：${model.scopeLabel}`, `统计截至：${chineseDate(model.asOf)}`, `生成日期：${chineseDate(model.generatedAt)}`];
}
