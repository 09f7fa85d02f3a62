import type { ReportIndicator } from '../api/reports';

/*
 * The 情况报告's indicator table (Word and the print view): fewer columns than the 指标表,
 * widths in twips of the 8845-twip (156 mm) text block.
 */

/** 完成情况 without the indicator's name in front (the first column has it). */
export function completionText(indicator: ReportIndicator): string {
  const text = indicator.completion.trim();
  return text.startsWith(indicator.name) ? text.slice(indicator.name.length).replace(/^[\s，,：:]+/, '') : text;
}

export const valueText = (value: number | null): string => (value === null ? '—' : String(Math.round(value * 100) / 100));

export interface SummaryIndicatorColumn {
  readonly header: string;
  readonly width: number;
  readonly align: 'left' | 'center';
  readonly value: (indicator: ReportIndicator) => string;
}

export const summaryIndicatorColumns: readonly SummaryIndicatorColumn[] = [
  { header: '指标', width: 2200, align: 'left', value: (i) => i.name },
  { header: '单位', width: 800, align: 'center', value: (i) => i.unit },
  // "≥30000人次" on one line of 12 pt (66 pt) and the cell's margins.
  { header: '目标', width: 1500, align: 'center', value: (i) => i.targetText || '—' },
  // Values are rounded to two decimals: "1234.56" (about 42 pt) fits.
  { header: '本期值', width: 1000, align: 'center', value: (i) => valueText(i.value) },
  { header: '完成情况', width: 2225, align: 'left', value: completionText },
  // Four 12 pt characters and the cell's margins.
  { header: '是否达标', width: 1120, align: 'center', value: (i) => i.met },
];
