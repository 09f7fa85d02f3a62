import { useEffect, useMemo, useState } from 'react';
import type { MidtermIndicator } from '../../../shared/api/ledger';
import { ChartCard } from '../charts/ChartCard';
import { chartInk } from '../charts/colors';
import type { LegendItem } from '../charts/png';
import { useLedger } from '../store/context';
import { EmptyState } from '../ui/EmptyState';
import { InlineSelect } from '../ui/InlineSelect';
import MidtermChart from './MidtermChart';
import { directionText, formatNumber, targetText } from './model';

const legend: readonly LegendItem[] = [
  { label: '规划路径（基数→目标）', color: chartInk.expected, shape: 'dash' },
  { label: '年度目标', color: chartInk.target, shape: 'box' },
  { label: '实际值（点为灯色）', color: chartInk.accent, shape: 'line' },
  { label: '目标', color: chartInk.target, shape: 'line' },
  { label: '基数', color: chartInk.baseline, shape: 'dash' },
];

function note(indicator: MidtermIndicator) {
  const from = indicator.baselineValue != null ? `基数${formatNumber(indicator.baselineValue)}${indicator.unit}${indicator.baselineYear ? `（${indicator.baselineYear}年）` : ''}` : '无基数';
  const to = `目标${targetText({ ...indicator, targetValueMax: null })}${indicator.targetYear ? `（${indicator.targetYear}年）` : ''}`;
  return (
    <>
      <strong className={`direction direction-${indicator.direction}`}>{directionText(indicator.direction)}</strong>
      {` · ${from} → ${to}`}
    </>
  );
}

/** How many flag sentences show before 显示全部. */
export const FIRST_FLAGS = 10;

/** The indicator's name before its flag, unless the sentence already starts with it. */
export function flagText(name: string, flag: string): string {
  return flag.startsWith(name) ? flag : `${name}：${flag}`;
}

/** 中期评估: a five-year plan's indicators on their yearly path, and where its targets do not add up. */
export function MidtermView() {
  const [allFlags, setAllFlags] = useState(false);
  const plans = useLedger((s) => s.plans);
  const planId = useLedger((s) => s.midtermPlanId);
  const midterm = useLedger((s) => s.midterm);
  const failed = useLedger((s) => s.midtermFailed);
  const choose = useLedger((s) => s.chooseMidtermPlan);
  const goTo = useLedger((s) => s.goTo);
  const fiveYear = useMemo(() => (plans ?? []).filter((p) => p.kind === 'five-year-plan'), [plans]);
  const chosen = fiveYear.some((p) => p.id === planId) ? planId : (fiveYear[0]?.id ?? null);

  useEffect(() => {
    if (chosen) void choose(chosen);
  }, [chosen, choose]);

  if (plans === null) return <p className="loading">正在读取计划…</p>;
  if (fiveYear.length === 0) {
    return (
      <EmptyState
        title="还没有五年规划"
        action={
          <button type="button" className="button button-primary" onClick={() => goTo('import')}>
            导入计划
          </button>
        }
      >
        <p>中期评估针对五年规划：导入规划文件（计划类型选“五年规划”）并录入指标的基数、目标和年度数值后，这里显示每个指标的逐年路径。</p>
      </EmptyState>
    );
  }

  const current = midterm && midterm.planId === chosen ? midterm : null;
  const flags = current ? current.indicators.flatMap((i) => i.flags.map((flag) => ({ key: `${i.indicatorId}-${flag}`, text: flagText(i.name, flag) }))) : [];
  const shownFlags = allFlags ? flags : flags.slice(0, FIRST_FLAGS);

  return (
    <>
      <div className="dashboard-filters">
        <div className="quarter-picker dashboard-pickers midterm-pickers">
          <InlineSelect label="五年规划" value={chosen ?? ''} onChange={(id) => void choose(id)}>
            {fiveYear.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </InlineSelect>
          {current?.yearFrom && current.yearTo ? (
            <span className="muted">
              规划期 {current.yearFrom}—{current.yearTo}年，{current.indicators.length}个指标
            </span>
          ) : null}
        </div>
      </div>
      {!current ? (
        failed ? (
          <EmptyState title="中期评估暂时无法读取">
            <p>请稍后重试，或在“计划与任务”中检查这个规划的起止年份。</p>
          </EmptyState>
        ) : (
          <p className="loading">正在计算…</p>
        )
      ) : current.indicators.length === 0 ? (
        <EmptyState
          title="这个规划还没有指标"
          action={
            <button type="button" className="button button-primary" onClick={() => goTo('indicators')}>
              前往指标
            </button>
          }
        >
          <p>在“指标”页为规划录入指标的基数和目标后，这里显示逐年路径。</p>
        </EmptyState>
      ) : (
        <>
          {flags.length > 0 ? (
            <section className="midterm-flags" aria-labelledby="midterm-flags-title">
              <h2 id="midterm-flags-title" className="midterm-flags-title">
                需要核对：{flags.length}处
              </h2>
              <p className="midterm-flags-note">年度目标与规划目标不衔接、缺少基数或目标、季度序时进度不合理的地方：</p>
              <ul>
                {shownFlags.map((f) => (
                  <li key={f.key}>{f.text}</li>
                ))}
              </ul>
              {flags.length > FIRST_FLAGS ? (
                <button type="button" className="link-button midterm-flags-more" onClick={() => setAllFlags(!allFlags)} aria-expanded={allFlags}>
                  {allFlags ? `只看前${FIRST_FLAGS}处` : `显示全部${flags.length}处`}
                </button>
              ) : null}
            </section>
          ) : (
            <p className="midterm-ok">各指标的年度目标与规划目标衔接一致。</p>
          )}
          <div className="midterm-charts">
            {current.indicators.map((indicator) => (
              <ChartCard key={indicator.indicatorId} title={indicator.unit ? `${indicator.name}（${indicator.unit}）` : indicator.name} note={note(indicator)} legend={legend}>
                <MidtermChart indicator={indicator} />
                {indicator.flags.length > 0 ? (
                  <ul className="midterm-card-flags">
                    {indicator.flags.map((flag) => (
                      <li key={flag}>{flag}</li>
                    ))}
                  </ul>
                ) : null}
              </ChartCard>
            ))}
          </div>
        </>
      )}
    </>
  );
}
