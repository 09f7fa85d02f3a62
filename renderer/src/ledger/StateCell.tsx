import type { LedgerRow } from '../../../shared/api/ledger';
import { leadPartText, leadPartTone, leadsToShow, missingLeads, singleLeadMark, stateTooltip } from './lead-parts';

const stateTone = { 已完成: 'ok', 按序时推进: 'ok', 滞后: 'behind', 未填报: 'missing' } as const;

/**
 * 本季度情况: the task's quarter state, 部分科室未报 naming who is missing, 逾期 when past the
 * task's deadline, and — for several lead departments — each department's own part, those
 * still to report first (the line may be cut; the tooltip has all), so the clerk sees who owes
 * what without opening the task.
 */
export function StateCell({ row }: { row: LedgerRow }) {
  const several = row.leads.length > 1;
  const mark = !several && row.leads[0] ? singleLeadMark(row.leads[0]) : null;
  return (
    <span className="ledger-state" title={stateTooltip(row)}>
      <span className="ledger-state-line">
        <span className={`ledger-state-text ledger-tone-${stateTone[row.state]}`}>{row.state}</span>
        {row.partial ? <span className="ledger-badge ledger-badge-partial" aria-label={`部分科室未报：${missingLeads(row).join('、')}`}>部分科室未报</span> : null}
        {row.overdue ? <span className="ledger-overdue">逾期</span> : null}
      </span>
      {several ? (
        <span className="ledger-leads">
          {leadsToShow(row.leads).map((lead, index) => (
            <span key={lead.departmentId} className="ledger-lead">
              {index > 0 ? '；' : ''}
              {lead.name}：<span className={`ledger-tone-${leadPartTone(lead)}`}>{leadPartText(lead)}</span>
            </span>
          ))}
        </span>
      ) : mark ? (
        <span className="ledger-leads">
          <span className={`ledger-tone-${leadPartTone(row.leads[0]!)}`}>{mark}</span>
        </span>
      ) : null}
    </span>
  );
}
