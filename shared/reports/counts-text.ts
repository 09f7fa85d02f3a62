import type { QuarterCounts } from '../domain/quarter-state';

/**
 * The one sentence of a quarter's counts, for the 台账's totals line and the print view:
 * 共39项，其中已完成3项，按序时推进20项，滞后5项，未填报11项（部分科室未报2项，有科室逾期未报4项）.
 */
export function countsSentence(counts: QuarterCounts, includeSubmitted: boolean): string {
  const awaiting = counts.awaitingReview > 0 ? (includeSubmitted ? `含待审核${counts.awaitingReview}项` : `另有${counts.awaitingReview}项已报送待审核，未计入`) : '';
  const marks = [counts.partial > 0 ? `部分科室未报${counts.partial}项` : '', counts.late > 0 ? `有科室逾期未报${counts.late}项` : '', awaiting].filter(Boolean);
  return (
    `共${counts.total}项，其中已完成${counts.done}项，按序时推进${counts.onPace}项，滞后${counts.behind}项，未填报${counts.notReported}项` +
    (marks.length > 0 ? `（${marks.join('，')}）` : '')
  );
}
