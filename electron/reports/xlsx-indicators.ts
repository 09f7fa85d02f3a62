import type { Style } from 'exceljs';
import type { MetAnswer, ReportModel } from '../../shared/api/reports';
import { reportKindLabels } from '../../shared/api/reports';
import type { LightColor } from '../../shared/domain/progress-status';
import { indicatorColumns } from '../../shared/reports/columns';
import { ReportSheet, newWorkbook, workbookBytes, type CellValue } from './xlsx-sheet';
import { FONT_SIZES, styles } from './xlsx-style';
import { dateLine, reportTitle, scopeLine } from './xlsx-titles';

/*
 * The Excel 指标完成情况表: one row per indicator with its quarters as numbers, 完成情况 in
 * words and 是否达标 as a coloured cell (the model already judged it against the direction).
 */

/** 是否达标 in the dashboard's colours: 是 green, 接近 yellow, 否 red, 无数据 grey. */
export const metColor: Readonly<Record<MetAnswer, LightColor>> = { 是: 'green', 接近: 'yellow', 否: 'red', 无数据: 'grey' };

const LEFT = new Set(['name', 'completion']);

/** Floating noise (0.30000000000000004) would show in General format; six decimals is more than any value carries. */
function cleanNumber(value: CellValue): CellValue {
  return typeof value === 'number' ? Math.round(value * 1e6) / 1e6 : value === '' ? null : value;
}

/** 合计：共5项指标，达标2项，接近1项，未达标1项，无数据1项。 */
export function indicatorTotalsLine(counts: ReportModel['indicatorCounts']): string {
  return `合计：共${counts.total}项指标，达标${counts.met}项，接近${counts.close}项，未达标${counts.notMet}项，无数据${counts.noData}项。`;
}

export async function indicatorWorkbook(model: ReportModel): Promise<Uint8Array> {
  const workbook = await newWorkbook(model);
  const columns = indicatorColumns(model);
  const metColumn = columns.findIndex((c) => c.key === 'met');
  const base: Partial<Style>[] = columns.map((c) => (LEFT.has(c.key) ? styles.middle.left : styles.middle.center));
  const styleOf = Object.fromEntries(
    (Object.keys(metColor) as MetAnswer[]).map((met) => [met, base.map((s, i) => (i === metColumn ? styles.light[metColor[met]] : s))]),
  ) as Record<MetAnswer, Partial<Style>[]>;

  const sheet = new ReportSheet(workbook, reportKindLabels.indicators, columns);
  sheet.title(reportTitle(model, reportKindLabels.indicators));
  sheet.info(scopeLine(model.scopeLabel, model), dateLine(model));
  sheet.header();
  const manyPlans = new Set(model.indicators.map((i) => i.planTitle)).size > 1;
  let plan: string | null = null;
  model.indicators.forEach((indicator, index) => {
    if (manyPlans && indicator.planTitle !== plan) {
      plan = indicator.planTitle;
      sheet.band(plan, styles.plan, 12);
    }
    const row = { ...indicator, index: index + 1 };
    sheet.row(
      columns.map((c) => cleanNumber(c.value(row))),
      styleOf[indicator.met],
    );
  });
  sheet.band(model.indicators.length === 0 ? '本期没有纳入统计的指标' : indicatorTotalsLine(model.indicatorCounts), styles.summary, FONT_SIZES.body);
  return workbookBytes(workbook);
}
