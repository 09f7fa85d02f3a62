import { useEffect } from 'react';
import type { DashboardSummary, LedgerFilter } from '../../../shared/api/ledger';
import type { LightColor } from '../../../shared/domain/progress-status';
import { ChartCard } from '../charts/ChartCard';
import { lightLegend } from '../charts/colors';
import { useLedger } from '../store/context';
import { noChips, type FilterChips } from '../store/view';
import { EmptyState } from '../ui/EmptyState';
import { DashboardFilters } from './DashboardFilters';
import { DepartmentWelcome } from './DepartmentWelcome';
import { IndicatorCards } from './IndicatorCards';
import { LaggingList } from './LaggingList';
import LightBarChart from './LightBarChart';
import { departmentBars, narrowChips, sectionBars, stateSlices, type BarRow } from './model';
import StatusDonut from './StatusDonut';
import { SummaryCards } from './SummaryCards';

export const NO_PLAN_TEXT = '还没有计划。先导入工作要点、五年规划或实施方案，各科室再按季度填报进展，这里就会显示统计和图表。';

/** The chips the dashboard applies now, without the quarter and office. */
function currentChips(filter: LedgerFilter): FilterChips {
  const chips: FilterChips = {};
  for (const key of Object.keys(noChips) as (keyof typeof noChips)[]) (chips as Record<string, unknown>)[key] = filter[key];
  return chips;
}

/**
 * What to do when nothing counts yet: report (季度填报), or review what was submitted — entries
 * waiting for the office are not progress until approved, unless 含待审核 is ticked.
 */
function ReportingNotice({ cards, includeSubmitted }: { cards: DashboardSummary['cards']; includeSubmitted: boolean }) {
  const goTo = useLedger((s) => s.goTo);
  const setQuarterTab = useLedger((s) => s.setQuarterTab);
  const setViewFilter = useLedger((s) => s.setViewFilter);
  const nothingCounted = cards.notReported === cards.tasks;
  if (!nothingCounted) return null;
  if (cards.awaitingReview > 0 && !includeSubmitted) {
    return (
      <div className="dashboard-notice">
        <p>
          有{cards.awaitingReview}项待审核，审核后计入。科室已提交的进展要经办公室审核通过才计入统计；也可以勾选“含待审核”先看提交的情况。
        </p>
        <div className="toolbar">
          <button type="button" className="button" onClick={() => setViewFilter({ includeSubmitted: true })}>
            含待审核查看
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setQuarterTab('review');
              goTo('quarterly');
            }}
          >
            前往办公室审核
          </button>
        </div>
      </div>
    );
  }
  if (cards.awaitingReview > 0) return null;
  return (
    <div className="dashboard-notice">
      <p>本季度还没有科室填报进展。各科室在“季度填报”中填写并提交、办公室审核通过后，这里将显示灯色、统计和滞后事项。</p>
      <button type="button" className="button button-primary" onClick={() => goTo('quarterly')}>
        季度填报
      </button>
    </div>
  );
}

/** 总览 for one quarter: cards, light charts, indicator trends and what is behind. */
export function OverviewView({ now }: { now: Date }) {
  const plans = useLedger((s) => s.plans);
  const filter = useLedger((s) => s.viewFilter);
  const summary = useLedger((s) => s.dashboard);
  const indicators = useLedger((s) => s.dashboardIndicators);
  const failed = useLedger((s) => s.dashboardFailed);
  const loadDashboard = useLedger((s) => s.loadDashboard);
  const openLedgerWith = useLedger((s) => s.openLedgerWith);
  const clearChips = useLedger((s) => s.clearChips);
  // A department PC gets its tasks from the office's 下发, not by importing the plan.
  const departmentPc = useLedger((s) => Boolean(s.status?.installation?.departmentId));
  const departmentName = useLedger((s) => s.status?.installation?.departmentName ?? '');
  const goTo = useLedger((s) => s.goTo);
  // Another office's quarter (opened from 各单位对比) does not depend on this office's plans.
  const hasPlans = (plans !== null && plans.length > 0) || filter.officeId !== null;

  useEffect(() => {
    if (hasPlans) void loadDashboard();
  }, [hasPlans, filter, loadDashboard]);

  if (plans === null && filter.officeId === null) return <p className="loading">正在读取计划…</p>;
  if (!hasPlans && departmentPc) return <DepartmentWelcome departmentName={departmentName} />;
  if (!hasPlans) {
    return (
      <EmptyState
        title="欢迎使用目标台账"
        action={
          <div className="toolbar">
            <button type="button" className="button button-primary" onClick={() => goTo('import')}>
              导入计划
            </button>
            <button type="button" className="button" onClick={() => goTo('tasks')}>
              手工新建计划
            </button>
          </div>
        }
      >
        <p>{NO_PLAN_TEXT}</p>
      </EmptyState>
    );
  }

  const chips = currentChips(filter);
  const chipsActive = JSON.stringify(chips) !== JSON.stringify(noChips);
  const open = (extra: FilterChips) => openLedgerWith(narrowChips(chips, extra));

  let body;
  if (!summary) {
    body = failed ? (
      <EmptyState title="统计暂时无法读取">
        <p>请稍后重试；如果一直出现，请在“设置”中查看数据文件是否正常。</p>
      </EmptyState>
    ) : (
      <p className="loading">正在统计…</p>
    );
  } else if (summary.cards.tasks === 0 && chipsActive) {
    body = (
      <EmptyState
        title="没有符合筛选条件的任务"
        action={
          <button type="button" className="button" onClick={clearChips}>
            清除筛选
          </button>
        }
      />
    );
  } else if (summary.cards.tasks === 0) {
    body = (
      <EmptyState
        title="这个季度没有任务"
        action={
          <button type="button" className="button button-primary" onClick={() => goTo('tasks')}>
            前往计划与任务
          </button>
        }
      >
        <p>所选季度不在任何计划的年度范围内，或计划中还没有任务。请换一个季度，或在“计划与任务”中补充任务和牵头科室。</p>
      </EmptyState>
    );
  } else {
    const departments = departmentBars(summary);
    const sections = sectionBars(summary);
    body = (
      <>
        <SummaryCards cards={summary.cards} chips={chips} includeSubmitted={filter.includeSubmitted} />
        <ReportingNotice cards={summary.cards} includeSubmitted={filter.includeSubmitted} />
        <div className="dashboard-charts">
          <ChartCard title="各科室任务灯色" note={<span className="chart-hint">点击色块查看对应任务</span>} legend={lightLegend} className="chart-wide">
            <LightBarChart rows={departments} onSegment={(row: BarRow, color: LightColor) => open({ departmentIds: [row.id], lights: [color] })} />
          </ChartCard>
          <ChartCard title="任务状态" note={<span className="chart-hint">点击扇区查看对应任务</span>}>
            <StatusDonut slices={stateSlices(summary.cards)} onSlice={(state) => open({ states: [state] })} />
          </ChartCard>
          {sections.length > 0 ? (
            <ChartCard title="各章节任务灯色" note={<span className="chart-hint">点击色块查看对应任务</span>} legend={lightLegend} className="chart-full">
              <LightBarChart rows={sections} nameWidth={200} onSegment={(row: BarRow, color: LightColor) => open({ sectionIds: [row.id], lights: [color] })} />
            </ChartCard>
          ) : null}
        </div>
        <LaggingList items={summary.lagging} />
        {indicators && indicators.length > 0 ? <IndicatorCards series={indicators} /> : null}
      </>
    );
  }

  return (
    <>
      <DashboardFilters now={now} />
      {summary ? (
        <p className="dashboard-asof muted">
          {summary.officeName} · 统计截至 {summary.asOf.slice(0, 10)} · {filter.includeSubmitted ? '任务进展含待审核的填报' : '任务进展只计已审核的填报'}（指标数值填报即计入）
        </p>
      ) : null}
      {body}
    </>
  );
}
