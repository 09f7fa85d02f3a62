import { countsSentence } from '../../../shared/reports/counts-text';
import type { ReportModel, ReportTask } from '../../../shared/api/reports';
import { ledgerColumns } from '../../../shared/reports/columns';
import { PrintHeader } from './PrintHeader';
import { PrintTable, type TableItem } from './PrintTable';
import { lightCell } from './look';
import { documentTitle, metaLine } from './titles';

/** Plan rows (only when the report spans several plans) and section rows between the tasks. */
export function ledgerItems(model: Pick<ReportModel, 'plans' | 'tasks'>): TableItem<ReportTask>[] {
  const items: TableItem<ReportTask>[] = [];
  const manyPlans = new Set(model.tasks.map((task) => task.planId)).size > 1;
  let plan: string | null = null;
  let section: string | null = null;
  for (const task of model.tasks) {
    if (manyPlans && task.planId !== plan) {
      items.push({ type: 'group', key: `plan-${task.planId}`, label: task.planTitle, level: 1 });
      section = null;
    }
    plan = task.planId;
    if (task.sectionId !== section && task.sectionId !== null) {
      items.push({ type: 'group', key: `section-${task.sectionId}`, label: `${task.sectionLabel}${task.sectionTitle ?? ''}`, level: 2 });
    }
    section = task.sectionId;
    items.push({ type: 'row', key: task.taskId, row: task });
  }
  return items;
}

/** The model's counts in the sentence the Excel 台账's totals line uses. */
export function countsLine(model: Pick<ReportModel, 'counts' | 'includeSubmitted'>): string {
  return `合计：${countsSentence(model.counts, model.includeSubmitted)}。`;
}

/** 重点工作台账, A4 landscape. */
export function LedgerPrint({ model }: { model: ReportModel }) {
  return (
    <article className="print-doc print-landscape">
      <PrintHeader title={documentTitle(model, 'ledger')} meta={metaLine(model)} />
      <PrintTable
        label="重点工作台账"
        columns={ledgerColumns}
        items={ledgerItems(model)}
        empty="所选范围内没有任务"
        look={(column, task) => (column.key === 'light' ? lightCell(task.light.color) : undefined)}
      />
      {model.tasks.length > 0 && <p className="print-note">{countsLine(model)}</p>}
    </article>
  );
}
