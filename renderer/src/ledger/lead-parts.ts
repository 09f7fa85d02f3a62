import type { LeadStateRow, LedgerRow } from '../../../shared/api/ledger';

/*
 * What the 本季度情况 cell says about each lead department's part of a task: its state when
 * its entry counts (待审核 when only submitted), otherwise why it does not count. Pure, so
 * the cell, its tooltip and the tests read the same words.
 */

/** One lead's part: 按序时推进, 滞后（待审核）, 已退回修改, 待审核, 逾期未报 or 未填报. */
export function leadPartText(lead: Pick<LeadStateRow, 'kind' | 'counted' | 'awaitingReview' | 'late' | 'state'>): string {
  if (lead.counted) return lead.awaitingReview ? `${lead.state}（待审核）` : lead.state;
  if (lead.kind === 'returned') return '已退回修改';
  if (lead.kind === 'pending-review') return '待审核';
  return lead.late ? '逾期未报' : '未填报';
}

/** How a part reads at a glance: done/on pace fine, behind, waiting for the office, or missing. */
export function leadPartTone(lead: Pick<LeadStateRow, 'kind' | 'counted' | 'late' | 'state'>): 'ok' | 'behind' | 'waiting' | 'missing' | 'late' {
  if (lead.counted) return lead.state === '滞后' ? 'behind' : 'ok';
  if (lead.kind === 'returned' || lead.kind === 'pending-review') return 'waiting';
  return lead.late ? 'late' : 'missing';
}

/**
 * The leads in the order the cell lists them: those whose report does not count first (what the
 * office has to chase: 逾期未报, 已退回修改, 待审核, 未填报), then those that reported; lead order within each.
 */
export function leadsToShow<Lead extends Pick<LeadStateRow, 'counted'>>(leads: readonly Lead[]): Lead[] {
  return [...leads.filter((lead) => !lead.counted), ...leads.filter((lead) => lead.counted)];
}

/** Names of leads whose report does not count. */
export function missingLeads(row: Pick<LedgerRow, 'leads'>): string[] {
  return row.leads.filter((lead) => !lead.counted).map((lead) => lead.name);
}

/**
 * The mark under a single lead's state, when its entry is not plain reported progress: 待审核,
 * 已退回修改 or 逾期未报 (a plain 未填报 already says everything).
 */
export function singleLeadMark(lead: LeadStateRow): string | null {
  const text = leadPartText(lead);
  if (lead.counted) return lead.awaitingReview ? '待审核' : null;
  return text === '未填报' ? null : text;
}

/** The tooltip of the cell: the state, then every lead's part on its own line. */
export function stateTooltip(row: Pick<LedgerRow, 'state' | 'leads' | 'partial' | 'light'>): string {
  const lines: string[] = [`本季度情况：${row.state}`];
  if (row.partial) lines.push(`部分科室未报：${missingLeads(row).join('、')}`);
  if (row.leads.length > 1) for (const lead of row.leads) lines.push(`${lead.name}：${leadPartText(lead)}`);
  else if (row.leads[0]) {
    const mark = singleLeadMark(row.leads[0]);
    if (mark) lines.push(`${row.leads[0].name}：${mark}`);
  }
  lines.push(row.light.reason);
  return lines.join('\n');
}
