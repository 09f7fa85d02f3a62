import { reminderKindLabels, reminderKinds, type ReportModel } from '../../../shared/api/reports';
import { reminderColumns, reminderRows, type ReminderRow } from '../../../shared/reports/columns';
import { PrintHeader } from './PrintHeader';
import { PrintTable, type TableItem } from './PrintTable';
import { lightCell } from './look';
import { documentTitle, metaLine } from './titles';

/** One row per department's item, in the model's order (the department with most items first). */
export function reminderItems(model: Pick<ReportModel, 'reminders'>): TableItem<ReminderRow>[] {
  return reminderRows(model).map((row) => ({ type: 'row', key: `${row.departmentName}-${row.item.taskId}`, row }));
}

/**
 * The lead sentence: how many items of which kinds (滞后, 逾期未报, 已退回修改 — a department
 * that did not report is chased for its report, not called behind), across how many departments.
 */
export function remindersLead(model: Pick<ReportModel, 'quarterLabel' | 'reminders'>): string | null {
  const items = model.reminders.flatMap((group) => group.items);
  if (items.length === 0) return null;
  const kinds = reminderKinds.filter((kind) => items.some((item) => item.kind === kind)).map((kind) => reminderKindLabels[kind]);
  return `截至${model.quarterLabel}，以下${kinds.join('、')}事项共${items.length}项次，涉及${model.reminders.length}个科室，请各责任科室抓紧推进，并及时报送进展情况。`;
}

/** 催办清单, A4 landscape. */
export function RemindersPrint({ model }: { model: ReportModel }) {
  const lead = remindersLead(model);
  return (
    <article className="print-doc print-landscape">
      <PrintHeader title={documentTitle(model, 'reminders')} meta={metaLine(model)} />
      {lead && <p className="print-lead">{lead}</p>}
      <PrintTable
        label="催办清单"
        columns={reminderColumns}
        items={reminderItems(model)}
        empty="本季度没有需要催办的事项"
        look={(column, row) => (column.key === 'light' ? lightCell(row.item.color) : undefined)}
      />
    </article>
  );
}
