import type { ReportModel } from '../api/reports';

/*
 * Report titles as every format words them (Excel, print view, Word): 渝北区卫生健康委
 * 《2025年工作要点》重点工作台账（2025年第一季度）, and where a 公文 title may break.
 */

/** More plans than this are named by their year only (the plan rows in the table name each). */
const PLANS_IN_TITLE = 3;

export type TitleModel = Pick<ReportModel, 'officeName' | 'departmentName' | 'plans' | 'period' | 'periodLabel'>;

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

/**
 * Where a 公文 title may break: after 关于/季度/年度, before 重点工作/推进情况/催办/的报告/的通知/的函.
 * Offsets into the title, ascending, without 0 and the end.
 */
export function titleBreaks(title: string): number[] {
  const breaks = new Set<number>();
  for (const word of ['关于', '季度', '年度']) {
    const at = title.indexOf(word);
    if (at > 0 && at + word.length < title.length) breaks.add(at + word.length);
  }
  for (const word of ['重点工作', '推进情况', '催办', '的报告', '的通知', '的函']) {
    const at = title.lastIndexOf(word);
    if (at > 0) breaks.add(at);
  }
  return [...breaks].sort((a, b) => a - b);
}
