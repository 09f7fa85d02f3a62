import type { ApiError, ApiResult, CallResult } from '../../shared/api';
import type { EntryFields, SheetTask } from '../../shared/api/progress';
import { countsSentence } from '../../shared/reports/counts-text';
import { lightLabels, taskStatuses, workflowLabels, type TaskStatus } from '../../shared/domain/progress-status';
import type { Command, CommandContext } from './commands';
import { UsageError } from './output';

/*
 * Quarterly entry from the command line: the same calls the entry sheet makes. Every name is
 * resolved (and every refusal raised) before anything is written.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PERIOD = /^\d{4}-Q[1-4]$/;

export function text(context: CommandContext, name: string): string | undefined {
  const value = context.options[name];
  return typeof value === 'string' ? value : undefined;
}

export function required(context: CommandContext, name: string, example: string): string {
  const value = text(context, name)?.trim();
  if (!value) throw new UsageError(`请用 --${name} 指定${example}`);
  return value;
}

export function period(context: CommandContext, pattern = PERIOD, example = '2025-Q1'): string {
  const value = required(context, 'period', `季度，例如 --period ${example}`);
  if (!pattern.test(value)) throw new UsageError(`--period 格式应为 ${example}，收到“${value}”`);
  return value;
}

function number(context: CommandContext, name: string): number | undefined {
  const value = text(context, name);
  if (value === undefined) return undefined;
  const parsed = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(parsed)) throw new UsageError(`--${name} 必须是数字，收到“${value}”`);
  return parsed;
}

function requireSubcommand(context: CommandContext, usage: string): void {
  if (context.positionals[0] !== 'set') throw new UsageError(`请写明操作，例如 ${usage}`);
}

/** A refused read call, passed on as the command's result (so an internal error still exits 2). */
class Refused extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export async function read<T>(result: Promise<ApiResult<T>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Refused(settled.error);
  return settled.value;
}

export function passRefusal(run: Command['run']): Command['run'] {
  return async (context) => {
    try {
      return await run(context);
    } catch (error) {
      if (error instanceof Refused) return { ok: false, error: error.error };
      throw error;
    }
  };
}

export async function resolveDepartment(context: CommandContext, name: string): Promise<{ id: string; name: string }> {
  const departments = await read(context.invoke('departments.list', {}));
  const found = departments.find((d) => d.id === name || d.name === name || d.aliases.includes(name));
  if (!found) {
    const known = departments.map((d) => d.name).join('、') || '（还没有科室）';
    throw new UsageError(`找不到科室“${name}”。已有科室：${known}`);
  }
  return found;
}

export function resolveTask(tasks: SheetTask[], task: string, plan: string | undefined, department: string, periodText: string): SheetTask | string {
  if (UUID.test(task)) return tasks.find((t) => t.id === task.toLowerCase()) ?? task.toLowerCase();
  const number = task.replace(/[.、．]$/, '');
  const matches = tasks.filter((t) => t.number.replace(/[.、．]$/, '') === number && (!plan || t.planId === plan || t.planTitle === plan));
  if (matches.length === 0) throw new UsageError(`${department}在${periodText}没有序号为“${task}”的牵头任务${plan ? '（在所选计划中）' : ''}，请检查 --task 和 --department`);
  if (matches.length > 1) {
    const plans = matches.map((t) => `  ${t.planId}  ${t.planTitle}`).join('\n');
    throw new UsageError(`任务序号“${task}”在多个计划中都有，请用 --plan 指定计划（编号或标题）：\n${plans}`);
  }
  return matches[0]!;
}

function statusOption(context: CommandContext): TaskStatus | undefined {
  const value = text(context, 'status');
  if (value === undefined) return undefined;
  if (!(taskStatuses as readonly string[]).includes(value)) throw new UsageError(`--status 应为：${taskStatuses.join('、')}，收到“${value}”`);
  return value as TaskStatus;
}

const PROGRESS_USAGE = 'progress set --task <序号或编号> [--plan <计划编号>] --department <科室> --period 2025-Q1 [--status <状态>] [--percent <0-100>] [--text <进展情况>] [--problems <存在问题>] [--next <下步打算>] [--submit]';
const VALUE_USAGE = 'value set --indicator <指标名称或编号> --period 2025-Q1 --value <数值> [--note <说明>]';

export const progressCommands: Record<string, Command> = {
  progress: {
    summary: '填报（并可提交）一项任务的季度进展；未给出的内容沿用已保存的进展',
    usage: PROGRESS_USAGE,
    options: {
      task: { type: 'string' },
      plan: { type: 'string' },
      department: { type: 'string' },
      period: { type: 'string' },
      status: { type: 'string' },
      percent: { type: 'string' },
      text: { type: 'string' },
      problems: { type: 'string' },
      next: { type: 'string' },
      submit: { type: 'boolean' },
    },
    run: passRefusal(async (context) => {
      requireSubcommand(context, PROGRESS_USAGE);
      const periodText = period(context);
      const department = await resolveDepartment(context, required(context, 'department', '科室，例如 --department 疾控科'));
      const taskOption = required(context, 'task', '任务序号或编号，例如 --task 3');
      const status = statusOption(context);
      const percent = number(context, 'percent');
      const sheet = await read(context.invoke('progress.sheet', { period: periodText, departmentId: department.id }));
      const task = resolveTask(sheet.tasks, taskOption, text(context, 'plan'), department.name, periodText);
      const known = typeof task === 'string' ? null : task;
      const base: EntryFields = known?.entry ?? { status: '推进中', percent: null, progressText: '', problemsText: '', nextStepsText: '' };
      const fields: EntryFields = {
        status: status ?? base.status,
        percent: percent ?? base.percent,
        progressText: text(context, 'text') ?? base.progressText,
        problemsText: text(context, 'problems') ?? base.problemsText,
        nextStepsText: text(context, 'next') ?? base.nextStepsText,
      };
      const saved = await context.invoke('progress.save', { taskId: known?.id ?? (task as string), departmentId: department.id, period: periodText, fields, submit: context.options.submit === true });
      if (!saved.ok) return saved;
      const entry = saved.value;
      const label = known ? `${known.number ? `${known.number}. ` : ''}${known.title}` : entry.taskId;
      return {
        ok: true,
        value: {
          json: entry,
          text: `${workflowLabels[entry.workflowState]}：${label}（${department.name} ${periodText}，${entry.status}${entry.percent === null ? '' : ` ${entry.percent}%`}）`,
        },
      };
    }),
  },

  value: {
    summary: '填报指标某期的数值（按指标类型检查，数值异常时提醒）',
    usage: VALUE_USAGE,
    options: { indicator: { type: 'string' }, period: { type: 'string' }, value: { type: 'string' }, note: { type: 'string' } },
    run: passRefusal(async (context) => {
      requireSubcommand(context, VALUE_USAGE);
      const name = required(context, 'indicator', '指标名称或编号，例如 --indicator 婴儿死亡率');
      const periodText = period(context, /^\d{4}(-Q[1-4])?$/, '2025-Q1 或 2025');
      const value = number(context, 'value');
      if (value === undefined) throw new UsageError('请用 --value 指定数值，例如 --value 3.4');
      const indicators = await read(context.invoke('indicators.list', {}));
      const matches = indicators.filter((i) => i.id === name.toLowerCase() || i.name === name);
      if (matches.length === 0) throw new UsageError(`找不到指标“${name}”，请检查名称（可用 --json 的指标编号）`);
      if (matches.length > 1) throw new UsageError(`有多个名为“${name}”的指标，请用编号指定：\n${matches.map((i) => `  ${i.id}  ${i.name}（目标 ${i.targetValue ?? '未设定'}${i.unit}）`).join('\n')}`);
      const indicator = matches[0]!;
      const result = await context.invoke('indicators.setValue', { indicatorId: indicator.id, period: periodText, value, note: text(context, 'note') ?? '' });
      if (!result.ok) return result;
      const light = result.value.indicator.values[periodText]?.light;
      return {
        ok: true,
        value: {
          json: result.value,
          text: [
            `已填报：${indicator.name} ${periodText} = ${value}${indicator.unit}${light ? `（${lightLabels[light.color]}：${light.reason}）` : ''}`,
            result.value.warning ? `注意：${result.value.warning}` : '',
          ]
            .filter(Boolean)
            .join('\n'),
        },
      };
    }),
  },

  status: {
    summary: '某季度每项任务和每个指标的灯色及原因',
    usage: 'status --period 2025-Q1 [--include-submitted] [--json]',
    options: { period: { type: 'string' }, 'include-submitted': { type: 'boolean' } },
    run: async (context) => {
      const periodText = period(context);
      const result = await context.invoke('progress.status', { period: periodText, includeSubmitted: context.options['include-submitted'] === true });
      if (!result.ok) return result;
      return { ok: true, value: { json: result.value, text: statusText(result.value) } };
    },
  },
};

export function statusText(status: CallResult<'progress.status'>): string {
  const lines = [`${status.period} 灯色（判断日期 ${status.asOf}）：${countsSentence(status.counts, status.includeSubmitted)}`];
  if (status.tasks.length === 0 && status.indicators.length === 0) lines.push('该季度没有任务和指标。');
  for (const task of status.tasks) {
    const owners = task.departments.length ? `（${task.departments.join('、')}）` : '';
    const partial = task.partial ? `（部分科室未报：${task.missing.join('、')}）` : '';
    lines.push(`${lightLabels[task.light.color]}  任务 ${task.number ? `${task.number}. ` : ''}${task.title}${owners}：${task.state}${partial}，${task.light.reason}`);
  }
  for (const indicator of status.indicators) {
    const value = indicator.value === null ? '未填报' : `${indicator.value}${indicator.unit}`;
    lines.push(`${lightLabels[indicator.light.color]}  指标 ${indicator.name}（${value}）：${indicator.light.reason}`);
  }
  return lines.join('\n');
}
