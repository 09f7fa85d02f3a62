import { useLedger } from '../store/context';
import './include-submitted.css';

export const INCLUDE_SUBMITTED_LABEL = '含待审核';
export const INCLUDE_SUBMITTED_HINT = '已提交、尚未审核的任务进展也计入统计，并标注“待审核”；不勾选时只计已审核的填报（指标数值不经审核，填报即计入）';

/**
 * 含待审核: whether submitted, not yet approved entries count. One switch in the view filter,
 * shared by 总览, 任务台账 and 报表, so the three never count on different bases.
 */
export function IncludeSubmittedToggle({ long = false }: { long?: boolean }) {
  const checked = useLedger((s) => s.viewFilter.includeSubmitted);
  const setViewFilter = useLedger((s) => s.setViewFilter);
  return (
    <label className="include-submitted" title={INCLUDE_SUBMITTED_HINT}>
      <input type="checkbox" checked={checked} onChange={(event) => setViewFilter({ includeSubmitted: event.target.checked })} />
      <span>
        {INCLUDE_SUBMITTED_LABEL}
        {long ? <span className="include-submitted-note">（已提交未审核的填报，标注“待审核”）</span> : null}
      </span>
    </label>
  );
}
