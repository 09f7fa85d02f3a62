import type { ReportIndicator, ReportModel } from '../../../shared/api/reports';
import { indicatorColumns } from '../../../shared/reports/columns';
import { PrintHeader } from './PrintHeader';
import { PrintTable, type TableItem } from './PrintTable';
import { lightCell } from './look';
import { documentTitle, metaLine } from './titles';

type IndicatorRow = ReportIndicator & { index: number };

/** Numbered as in Excel; plan rows only when the indicators come from several plans. */
export function indicatorItems(model: Pick<ReportModel, 'indicators'>): TableItem<IndicatorRow>[] {
  const items: TableItem<IndicatorRow>[] = [];
  const manyPlans = new Set(model.indicators.map((indicator) => indicator.planTitle)).size > 1;
  let plan: string | null = null;
  model.indicators.forEach((indicator, i) => {
    if (manyPlans && indicator.planTitle !== plan) items.push({ type: 'group', key: `plan-${i}`, label: indicator.planTitle, level: 1 });
    plan = indicator.planTitle;
    items.push({ type: 'row', key: indicator.indicatorId, row: { ...indicator, index: i + 1 } });
  });
  return items;
}

/** 指标完成情况表, A4 landscape; 是否达标 is filled in the indicator's light. */
export function IndicatorsPrint({ model }: { model: ReportModel }) {
  const c = model.indicatorCounts;
  return (
    <article className="print-doc print-landscape">
      <PrintHeader title={documentTitle(model, 'indicators')} meta={metaLine(model)} />
      <PrintTable
        label="指标完成情况表"
        columns={indicatorColumns(model)}
        items={indicatorItems(model)}
        empty="所选范围内没有指标"
        look={(column, indicator) => (column.key === 'met' ? lightCell(indicator.light.color) : undefined)}
      />
      {c.total > 0 && (
        <p className="print-note">
          合计{c.total}项指标：达标{c.met}项，接近目标{c.close}项，未达标{c.notMet}项，暂无数据{c.noData}项。
        </p>
      )}
    </article>
  );
}
