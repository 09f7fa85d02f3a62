import { useEffect, useMemo } from 'react';
import { parsePeriod, periodLabel } from '../../../shared/domain/period';
import { periodChoices } from '../quarterly/period';
import { useLedger, useLedgerStore } from '../store/context';
import { EmptyState } from '../ui/EmptyState';
import { IncludeSubmittedToggle } from '../ui/IncludeSubmittedToggle';
import { InlineSelect } from '../ui/InlineSelect';
import { HeatTable } from './HeatTable';
import { MetricRankChart } from './MetricRankChart';
import { OfficeShareChart } from './OfficeShareChart';

/** 对比: the heat table, one metric's ranking and the offices' task standing for the quarter. */
export function CompareView() {
  const store = useLedgerStore();
  const period = useLedger((s) => s.viewFilter.period);
  const includeSubmitted = useLedger((s) => s.viewFilter.includeSubmitted);
  const setViewFilter = useLedger((s) => s.setViewFilter);
  const plans = useLedger((s) => s.plans);
  const result = useLedger((s) => s.compare);
  const setTab = useLedger((s) => s.setCompareTab);
  const goTo = useLedger((s) => s.goTo);
  const now = useMemo(() => new Date(), []);
  const choices = useMemo(() => periodChoices(now, plans, period), [now, plans, period]);

  useEffect(() => {
    void store.getState().loadCompare();
  }, [store, period, includeSubmitted]);

  const current = result?.period === period ? result : null;
  const quarter = periodLabel(parsePeriod(period));

  return (
    <div className="compare-view">
      <div className="quarter-picker compare-pickers">
        <InlineSelect label="季度" value={period} onChange={(value) => setViewFilter({ period: value })}>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </InlineSelect>
        <IncludeSubmittedToggle />
        {current && current.offices.length > 1 ? (
          <p className="compare-summary">
            {current.offices.length}个单位 · {current.metrics.length}项标准指标 · 排在前面的单位任务按序时推进的比例最低
          </p>
        ) : null}
      </div>
      {!current ? (
        <p className="loading" role="status">
          正在汇总各单位数据…
        </p>
      ) : current.offices.length <= 1 ? (
        <EmptyState
          title={current.offices.length === 0 ? `${quarter}还没有任何单位的任务` : `${quarter}只有${current.offices[0]!.name}的数据`}
          action={
            <button type="button" className="button" onClick={() => goTo('exchange')}>
              前往数据交换
            </button>
          }
        >
          <p>各区县的计划、季度进展和指标数值通过“数据交换”导入本机后，这里会把各单位并排比较：哪些单位任务滞后，哪些指标落后于目标。</p>
          <p>同一指标在各单位计划中的名称往往略有不同，可在“标准指标库”中统一对应。</p>
        </EmptyState>
      ) : (
        <>
          {current.metrics.length === 0 ? (
            <div className="compare-notice" role="note">
              <span>还没有标准指标，下表只比较任务进度。把各单位的指标对应到标准指标后，即可逐项比较指标数值。</span>
              <button type="button" className="button button-small button-primary" onClick={() => setTab('catalog')}>
                建立标准指标库
              </button>
            </div>
          ) : null}
          <HeatTable result={current} />
          <div className="compare-charts">
            {current.metrics.length > 0 ? <MetricRankChart result={current} quarter={quarter} /> : null}
            <OfficeShareChart result={current} quarter={quarter} />
          </div>
        </>
      )}
    </div>
  );
}
