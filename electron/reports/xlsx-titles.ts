import type { ReportModel } from '../../shared/api/reports';
import { chineseDate, chineseLocalDate } from './xlsx-style';

/*
 * The words above each table: 渝北区卫生健康委《2025年工作要点》重点工作台账（2025年第一季度）,
 * and the scope/date line under it.
 */

/** More plans than this are named by their year only (the plan rows in the table name each). */
const PLANS_IN_TITLE = 3;

type TitleModel = Pick<ReportModel, 'officeName' | 'departmentName' | 'plans' | 'period' | 'periodLabel'>;

/** A plan title without the office's name in front (it is already in the title): 《2025年工作要点》. */
function planName(title: string, officeName: string): string {
  const own = officeName && title.startsWith(officeName) && title.length > officeName.length ? title.slice(officeName.length) : title;
  return /^《.*》$/.test(own) ? own : `《${own}》`;
}

export function reportTitle(model: TitleModel, label: string): string {
  const who = `${model.officeName}${model.departmentName ?? ''}`;
  const plans =
    model.plans.length === 0
      ? ''
      : model.plans.length <= PLANS_IN_TITLE
        ? model.plans.map((p) => planName(p.title, model.officeName)).join('、')
        : `${model.period.slice(0, 4)}年`;
  return `${who}${plans}${label}（${model.periodLabel}）`;
}

/** 范围：全区, two ideographic spaces, 统计截至：2025年3月31日 */
export function scopeLine(scope: string, model: Pick<ReportModel, 'asOf'>): string {
  return `范围：${scope}\u3000\u3000统计截至：${chineseDate(model.asOf)}`;
}

/** 生成日期：2025年4月20日 */
export function dateLine(model: Pick<ReportModel, 'generatedAt'>): string {
  return `生成日期：${chineseLocalDate(model.generatedAt)}`;
}
