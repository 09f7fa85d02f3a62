import type { SheetTask } from '../../../shared/api/progress';
import { formFromFields, isLocked, sameForm, taskName, type EntryForm } from './entry-form';

/** What 提交全部 does, computed once for the confirm dialog and for the submitting itself. */
export interface SubmitPlan {
  /** Not yet submitted as they stand (new, draft, returned, or changed since submitting). */
  readonly due: readonly SheetTask[];
  /** Of those, the ones with 进展情况 written: these are submitted. */
  readonly ready: readonly SheetTask[];
  /** Of those, the ones without 进展情况: held back (submitting needs it). */
  readonly blank: readonly SheetTask[];
}

export function submitPlan(tasks: readonly SheetTask[], formOf: (task: SheetTask) => EntryForm): SubmitPlan {
  const due: SheetTask[] = [];
  const ready: SheetTask[] = [];
  const blank: SheetTask[] = [];
  for (const task of tasks) {
    if (isLocked(task)) continue;
    const form = formOf(task);
    if (task.entry?.workflowState === 'submitted' && sameForm(form, formFromFields(task.entry))) continue;
    due.push(task);
    (form.progressText.trim() === '' ? blank : ready).push(task);
  }
  return { due, ready, blank };
}

const SHOWN = 8;

/** 第2项、第5项 (and 等N项 past eight). */
export function taskList(tasks: readonly SheetTask[]): string {
  const names = tasks.slice(0, SHOWN).map(taskName).join('、');
  return tasks.length > SHOWN ? `${names}等${tasks.length}项` : names;
}

/** The confirm dialog's sentence: how many, how many are blank and which, and that those wait. */
export function submitMessage(plan: SubmitPlan): string {
  const tail = '提交后仍可修改，修改后需重新提交。';
  if (plan.blank.length === 0) return `将提交 ${plan.due.length} 项给办公室审核。${tail}`;
  return `将提交 ${plan.due.length} 项，其中 ${plan.blank.length} 项未填写进展（${taskList(plan.blank)}），这些暂不提交，填写进展情况后再提交。其余 ${plan.ready.length} 项将提交给办公室审核，${tail}`;
}
