import { useState } from 'react';
import type { IndicatorRow } from '../../../shared/api/progress';
import { valueKindLabels } from '../../../shared/domain/lights';
import { GridCell } from './GridCell';
import { directionText, targetText, valueText, withYear, type GridColumn, type GridRow } from './grid';
import { IndicatorEditDialog } from './IndicatorEditDialog';
import { IndicatorKindDialog } from './IndicatorKindDialog';

interface IndicatorGridProps {
  readonly rows: readonly GridRow[];
  readonly columns: readonly GridColumn[];
  readonly planTitles: ReadonlyMap<string, string>;
  readonly showPlan: boolean;
  readonly onWarning: (message: string) => void;
}

/** Indicators down, periods across; every value editable where it stands. */
export function IndicatorGrid({ rows, columns, planTitles, showPlan, onWarning }: IndicatorGridProps) {
  const [kindFor, setKindFor] = useState<IndicatorRow | null>(null);
  const [editFor, setEditFor] = useState<IndicatorRow | null>(null);
  return (
    <div className="grid-scroll">
      <table className="table indicator-grid" aria-label="指标数值">
        <thead>
          <tr>
            <th scope="col" className="col-indicator">
              指标
            </th>
            <th scope="col" className="col-unit">
              单位
            </th>
            <th scope="col" className="col-direction">
              方向
            </th>
            <th scope="col" className="col-base">
              基数
            </th>
            <th scope="col" className="col-target">
              目标
            </th>
            {columns.map((column) => (
              <th key={column.period} scope="col" className="col-period" aria-label={column.label}>
                {column.year ? <span className="period-year">{column.year}</span> : null}
                <span className="period-name">{column.name}</span>
              </th>
            ))}
            <th scope="col" className="col-kind">
              类型
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ indicator, cells }) => (
            <tr key={indicator.id}>
              <th scope="row" className="col-indicator">
                <span className="grid-name">{indicator.name}</span>
                <button type="button" className="link-button grid-edit" title="修改名称、目标、单位、基数等" aria-label={`修改指标${indicator.name}`} onClick={() => setEditFor(indicator)}>
                  修改
                </button>
                {showPlan ? <span className="grid-plan">{planTitles.get(indicator.planId) ?? ''}</span> : null}
              </th>
              <td className="col-unit">{indicator.unit || '—'}</td>
              <td className="col-direction">{directionText(indicator.comparator)}</td>
              <td className="col-base">{withYear(valueText(indicator.baselineValue), indicator.baselineYear) || <span className="muted">—</span>}</td>
              <td className="col-target">{withYear(targetText({ ...indicator, unit: '' }), indicator.targetYear) || <span className="muted">—</span>}</td>
              {cells.map((cell, i) => (
                <GridCell key={cell.period} indicator={indicator} cell={cell} columnLabel={columns[i]!.label} onWarning={onWarning} />
              ))}
              <td className="col-kind">
                <button type="button" className="button button-small" title="修改指标类型和累计方式" aria-label={`修改${indicator.name}的指标类型`} onClick={() => setKindFor(indicator)}>
                  {valueKindLabels[indicator.valueKind].replace(/（.*）$/, '')}
                </button>
                <span className="grid-accumulation">{indicator.accumulation === 'cumulative' ? '累计值' : '时点值'}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {kindFor ? <IndicatorKindDialog indicator={kindFor} onClose={() => setKindFor(null)} /> : null}
      {editFor ? <IndicatorEditDialog indicator={editFor} onClose={() => setEditFor(null)} /> : null}
    </div>
  );
}
