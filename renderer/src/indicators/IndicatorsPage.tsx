import { useEffect, useMemo, useState } from 'react';
import { useLedger, useLedgerStore } from '../store/context';
import '../styles/progress.css';
import '../styles/indicators.css';
import { EmptyState } from '../ui/EmptyState';
import { InlineSelect } from '../ui/InlineSelect';
import { buildGrid, gridColumns, isYearlyPlan } from './grid';
import { IndicatorGrid } from './IndicatorGrid';

/** 指标: every indicator with its baseline, target and values per quarter (or per year for a five-year plan). */
export default function IndicatorsPage() {
  const store = useLedgerStore();
  const plans = useLedger((s) => s.plans);
  const planId = useLedger((s) => s.indicatorPlanId);
  const year = useLedger((s) => s.indicatorYear);
  const rows = useLedger((s) => s.indicatorRows);
  const setPlan = useLedger((s) => s.setIndicatorPlan);
  const setYear = useLedger((s) => s.setIndicatorYear);
  const goTo = useLedger((s) => s.goTo);
  const [warnings, setWarnings] = useState<string[]>([]);

  useEffect(() => {
    const state = store.getState();
    void state.loadPlans();
    void state.loadIndicators();
  }, [store]);

  const plan = plans?.find((p) => p.id === planId) ?? null;
  const yearly = isYearlyPlan(plan);
  const columns = useMemo(() => gridColumns(plan, year), [plan, year]);
  const grid = useMemo(() => buildGrid(rows ?? [], columns), [rows, columns]);
  const planTitles = useMemo(() => new Map((plans ?? []).map((p) => [p.id, p.title])), [plans]);
  const years = useMemo(() => {
    const all = new Set<number>([year, new Date().getFullYear()]);
    for (const p of plans ?? []) for (let y = p.yearFrom ?? p.yearTo ?? year; y <= (p.yearTo ?? p.yearFrom ?? year); y++) all.add(y);
    return [...all].sort((a, b) => b - a);
  }, [plans, year]);

  return (
    <section className="page indicators-page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" className="page-title">
          指标
        </h1>
        <div className="quarter-picker">
          <InlineSelect label="计划" value={planId ?? ''} onChange={(value) => void setPlan(value || null)}>
            <option value="">全部计划</option>
            {(plans ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </InlineSelect>
          {yearly ? null : (
            <InlineSelect label="年度" value={String(year)} onChange={(value) => setYear(Number(value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}年
                </option>
              ))}
            </InlineSelect>
          )}
        </div>
      </div>
      {warnings.length > 0 ? (
        <div className="grid-warnings" role="status">
          <ul>
            {warnings.map((warning, i) => (
              <li key={i}>{warning}</li>
            ))}
          </ul>
          <button type="button" className="button button-small" onClick={() => setWarnings([])}>
            知道了
          </button>
        </div>
      ) : null}
      <div className="card grid-card">
        {rows === null ? (
          <p className="loading" role="status">
            正在读取指标…
          </p>
        ) : rows.length === 0 ? (
          <EmptyState
            title={plan ? '这个计划没有指标' : '还没有指标'}
            action={
              <button type="button" className="button" onClick={() => goTo('import')}>
                前往导入计划
              </button>
            }
          >
            导入工作要点或规划时，会识别出其中的量化指标（如“签约率达到75%以上”），保存后显示在这里。
          </EmptyState>
        ) : (
          <>
            <p className="card-note">
              点击数值即可修改，回车保存，Esc 取消。颜色表示灯色：绿灯达到目标或序时进度，黄灯接近，红灯落后；鼠标停在数值上可看原因。
            </p>
            <IndicatorGrid rows={grid} columns={columns} planTitles={planTitles} showPlan={plan === null && new Set(rows.map((r) => r.planId)).size > 1} onWarning={(w) => setWarnings((list) => [...list.slice(-4), w])} />
          </>
        )}
      </div>
    </section>
  );
}
