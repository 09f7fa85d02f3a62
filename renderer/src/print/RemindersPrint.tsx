import type { ReportModel } from '../../../shared/api/reports';
import { reminderColumns, reminderRows, type ReminderRow } from '../../../shared/reports/columns';
import { PrintHeader } from './PrintHeader';
import { PrintTable, type TableItem } from './PrintTable';
import { lightCell } from './look';
import { documentTitle, metaLine } from './titles';

/** One row per department's item, in the model's order (the department with most items first). */
export function reminderItems(model: Pick<ReportModel, 'reminders'>): TableItem<ReminderRow>[] {
  return reminderRows(model).map((row) => ({ type: 'row', key: `${row.departmentName}-${row.item.taskId}`, row }));
}

/** 催办清单, A4 landscape. */
export function RemindersPrint({ model }: { model: ReportModel }) {
  const total = model.reminders.reduce((n, group) => n + group.items.length, 0);
  return (
    <article className="print-doc print-landscape">
      <PrintHeader title={documentTitle(model, 'reminders')} meta={metaLine(model)} />
      {total > 0 && (
        <p className="print-lead">
          截至{model.quarterLabel}，以下红灯、黄灯事项共{total}项次，涉及{model.reminders.length}个科室，请各责任科室抓紧推进，并及时报送进展情况。
        </p>
      )}
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
