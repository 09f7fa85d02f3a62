import type { ReportModel } from '../../shared/api/reports';
import { chineseDate, chineseLocalDate } from './xlsx-style';

/*
 * The words above each table: 渝北区卫生健康委《2025年工作要点》重点工作台账（2025年第一季度）,
 * and the scope/date line under it.
 */

export { reportTitle } from '../../shared/reports/titles';

/** 范围：全区, two ideographic spaces, 统计截至：2025年3月31日 */
export function scopeLine(scope: string, model: Pick<ReportModel, 'asOf'>): string {
  return `范围：${scope}\u3000\u3000统计截至：${chineseDate(model.asOf)}`;
}

/** 生成日期：2025年4月20日 */
export function dateLine(model: Pick<ReportModel, 'generatedAt'>): string {
  return `生成日期：${chineseLocalDate(model.generatedAt)}`;
}
