import { parsePeriod } from '../../../shared/domain/period';
import { isYearlyPlan } from '../indicators/grid';
import { useLedger } from '../store/context';
import { EmptyState } from '../ui/EmptyState';
import { IndicatorEntryRow } from './IndicatorEntryRow';

const quarterNames = ['一季度', '二季度', '三季度', '四季度'] as const;

/** The department's indicators for the quarter (a five-year plan's for the year). */
export function IndicatorEntryList() {
  const sheet = useLedger((s) => s.sheet);
  const plans = useLedger((s) => s.plans);
  const goTo = useLedger((s) => s.goTo);
  if (!sheet) {
    return (
      <p className="loading" role="status">
        正在读取指标…
      </p>
    );
  }
  if (sheet.indicators.length === 0) {
    return (
      <div className="card">
        <EmptyState
          title={`${sheet.departmentName}没有需要填报的指标`}
          action={
            <button type="button" className="button" onClick={() => goTo('indicators')}>
              前往指标页
            </button>
          }
        >
          导入计划时识别出的指标会挂在牵头科室下；可在“指标”页查看全部指标。
        </EmptyState>
      </div>
    );
  }
  const { year, quarter } = parsePeriod(sheet.period);
  return (
    <div className="card">
      <p className="card-note">填写后按回车保存。数值按指标类型检查（如比例应在0到100之间）；与上期相差很大时会提示核对，但不影响保存。</p>
      <ul className="indicator-entries" aria-label="指标数值">
        {sheet.indicators.map((indicator) => {
          const yearly = isYearlyPlan(plans?.find((p) => p.id === indicator.planId) ?? null);
          const period = yearly ? String(year) : sheet.period;
          const name = yearly ? `${year}年` : `${year}年${quarterNames[quarter - 1]}`;
          return <IndicatorEntryRow key={`${indicator.id}-${period}`} indicator={indicator} period={period} periodName={name} />;
        })}
      </ul>
    </div>
  );
}
