import { AppError } from '../core/app-error';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';
import { backupBefore } from '../services/backup';
import { indicatorHandlers } from '../services/indicators';
import { saveEntry } from '../services/progress';
import { planSheet, type SheetPlan } from './sheet-compare';
import { exportSheet } from './sheet-export';
import { readSheet } from './sheet-read';

/*
 * The Excel fill-in sheet for units without the app: export, preview (nothing written) and
 * import of the rows without errors, through the same services as a clerk's own entry.
 */

/** Write the plan's rows in one transaction; every change goes through the mutation layer and so has its audit record. */
function apply(core: Core, sheet: SheetPlan): number {
  const ctx = { core, progress: () => {} };
  core.mutations.run(() => {
    for (const write of sheet.writes) {
      if (write.kind === 'entry') {
        // The unit sent its report back: it counts as submitted to the office for review.
        saveEntry(core, { taskId: write.taskId, departmentId: sheet.departmentId, period: sheet.period, fields: write.fields, submit: true });
      } else {
        const result = indicatorHandlers['indicators.setValue'](ctx, { indicatorId: write.indicatorId, period: sheet.period, value: write.value, note: write.note });
        if (result instanceof Promise) throw new Error('indicators.setValue must be synchronous inside a transaction');
      }
    }
  });
  return sheet.writes.length;
}

export const sheetHandlers: HandlerMap<'sync.exportSheet' | 'sync.previewSheet' | 'sync.importSheet'> = {
  'sync.exportSheet': async ({ core }, args) => {
    const sheet = await exportSheet(core, args.departmentId, args.period);
    return { fileName: sheet.fileName, contentBase64: sheet.bytes.toString('base64') };
  },

  'sync.previewSheet': async ({ core }, args) => {
    const sheet = planSheet(core, await readSheet(Buffer.from(args.contentBase64, 'base64')));
    return { departmentName: sheet.departmentName, period: sheet.period, rows: sheet.rows, errors: sheet.errors, changes: sheet.changes };
  },

  'sync.importSheet': async ({ core }, args) => {
    if (args.senderConfirmed !== true) throw new AppError('INVALID_ARGUMENT', '请先确认填报表的来源');
    const read = await readSheet(Buffer.from(args.contentBase64, 'base64'));
    if (planSheet(core, read).writes.length > 0) await backupBefore(core, 'sheet');
    // Judged again after the backup's await (other calls may have run meanwhile), then written without yielding.
    const sheet = planSheet(core, read);
    return { written: apply(core, sheet), skipped: sheet.errors };
  },
};
