import { workflowLabels } from '../../shared/domain/progress-status';
import type { Command } from './commands';
import { UsageError } from './output';
import { passRefusal, period, read, required, resolveDepartment, resolveTask, text } from './progress-commands';

/*
 * 办公室审核 from the command line: the same `progress.review` call the review page makes, on the
 * entry a department wrote for a task in a quarter. Names are resolved and refusals raised before
 * anything is written.
 */

const REVIEW_USAGE = 'review --task <序号或编号> [--plan <计划编号或标题>] --department <科室> --period 2025-Q1 (--approve [--comment <意见>] | --return --comment <意见>)';

export const reviewCommands: Record<string, Command> = {
  review: {
    summary: '办公室审核一项已提交的季度进展：通过，或退回并写明意见',
    usage: REVIEW_USAGE,
    options: {
      task: { type: 'string' },
      plan: { type: 'string' },
      department: { type: 'string' },
      period: { type: 'string' },
      approve: { type: 'boolean' },
      return: { type: 'boolean' },
      comment: { type: 'string' },
    },
    run: passRefusal(async (context) => {
      const approve = context.options.approve === true;
      const reject = context.options.return === true;
      if (approve === reject) throw new UsageError(approve ? '--approve 和 --return 只能选一个' : '请用 --approve（通过）或 --return（退回）写明审核结果');
      const comment = text(context, 'comment')?.trim() ?? '';
      if (reject && !comment) throw new UsageError('退回时请用 --comment 写明原因，例如 --comment "请补充覆盖人数"');
      const periodText = period(context);
      const department = await resolveDepartment(context, required(context, 'department', '科室，例如 --department 疾控科'));
      const taskOption = required(context, 'task', '任务序号或编号，例如 --task 3');
      const sheet = await read(context.invoke('progress.sheet', { period: periodText, departmentId: department.id }));
      const task = resolveTask(sheet.tasks, taskOption, text(context, 'plan'), department.name, periodText);
      if (typeof task === 'string') throw new UsageError(`找不到编号为“${taskOption}”的任务，或它不是${department.name}牵头的任务`);
      const label = `${task.number ? `${task.number}. ` : ''}${task.title}`;
      const where = `${department.name} ${periodText}`;
      const entry = task.entry;
      if (!entry) throw new UsageError(`${where}的任务“${label}”还没有填报进展，尚未提交，无法审核`);
      if (entry.workflowState === 'draft') throw new UsageError(`${where}的任务“${label}”的进展还是草稿，尚未提交，无法审核`);

      const result = await context.invoke('progress.review', { id: entry.id, decision: approve ? 'approve' : 'return', comment });
      if (!result.ok) return result;
      const reviewed = result.value;
      return {
        ok: true,
        value: {
          json: reviewed,
          text: `${workflowLabels[reviewed.workflowState]}：${label}（${where}）${reviewed.reviewComment ? `，意见：${reviewed.reviewComment}` : ''}`,
        },
      };
    }),
  },
};
