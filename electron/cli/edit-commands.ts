import type { IndicatorRow } from '../../shared/api/progress';
import type { Task, TaskMilestone } from '../../shared/api/plans';
import type { CallArgs } from '../../shared/api';
import type { Comparator, ValueKind } from '../../shared/domain/lights';
import { parsePeriod, periodLabel } from '../../shared/domain/period';
import { normalizeWidth } from '../../shared/parse/width';
import type { Command, CommandContext } from './commands';
import { UsageError } from './output';
import { passRefusal, read, required, resolveDepartment, text } from './progress-commands';

/*
 * Corrections after an import, from the command line: the same tasks.update and indicators.update
 * calls the app makes (each field a change record, synced; a later import of the document keeps
 * them). Every name is resolved, and every refusal raised, before anything is written.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TASK_USAGE =
  'task edit --task <序号或编号> [--plan <计划编号、文号或标题>] [--title <任务名称>] [--leads <科室、科室>] [--deadline <完成时限>] [--milestone 2025-Q2=<节点目标>[@<完成比例>] …] [--clear-milestones]';
const INDICATOR_USAGE =
  'indicator edit --indicator <指标名称或编号> [--name <名称>] [--comparator <>=|<=|=|>|<|between|不低于|不高于…>] [--value <目标值，区间写 a-b>] [--unit <单位>] [--baseline <基数> --baseline-year <年份>] [--target-year <年份>] [--kind <指标类型>] [--department <责任科室>]';

const canon = (value: string) => normalizeWidth(value).replace(/\s/g, '');
const numberLabel = (value: string) => value.replace(/[.、．]$/, '');

function requireEdit(context: CommandContext, usage: string): void {
  if (context.positionals[0] !== 'edit') throw new UsageError(`请写明操作，例如 ${usage}`);
}

/** The plan named by --plan: its id, 文号 or title. */
async function planIdOf(context: CommandContext, name: string | undefined): Promise<string | null> {
  if (!name) return null;
  const plans = await read(context.invoke('plans.list', {}));
  const found = plans.find((p) => p.id === name.toLowerCase()) ?? plans.find((p) => (p.docNumber && canon(p.docNumber) === canon(name)) || canon(p.title) === canon(name));
  if (!found) throw new UsageError(`找不到计划“${name}”。已有计划：\n${plans.map((p) => `  ${p.id}  ${p.title}`).join('\n') || '  （还没有计划）'}`);
  return found.id;
}

/** Task n as printed in its plan (or a task id); --plan decides when several plans have a task n. */
async function findTask(context: CommandContext, option: string, planOption: string | undefined): Promise<{ task: Task; planTitle: string }> {
  const planId = await planIdOf(context, planOption);
  const plans = (await read(context.invoke('plans.list', {}))).filter((p) => !planId || p.id === planId);
  const matches: { task: Task; planTitle: string }[] = [];
  for (const plan of plans) {
    const detail = await read(context.invoke('plans.get', { id: plan.id }));
    for (const task of detail.tasks) {
      const hit = UUID.test(option) ? task.id === option.toLowerCase() : numberLabel(task.number) === numberLabel(option);
      if (hit) matches.push({ task, planTitle: plan.title });
    }
  }
  if (matches.length === 0) throw new UsageError(`找不到序号为“${option}”的任务${planId ? '（在所选计划中）' : ''}，请检查 --task${planId ? ' 和 --plan' : ''}`);
  if (matches.length > 1) {
    throw new UsageError(`任务序号“${option}”在多个计划中都有，请用 --plan 指定计划（编号或标题）：\n${matches.map((m) => `  ${m.task.planId}  ${m.planTitle}`).join('\n')}`);
  }
  return matches[0]!;
}

/** Each `--milestone 2025-Q2=<text>[@<percent>]`; an empty right side removes that quarter (null). */
function milestoneOptions(context: CommandContext): Map<string, TaskMilestone | null> {
  const raw = context.options.milestone;
  const values = raw === undefined ? [] : Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  const result = new Map<string, TaskMilestone | null>();
  for (const value of values) {
    const normalized = normalizeWidth(value);
    const eq = normalized.indexOf('=');
    const period = (eq < 0 ? normalized : normalized.slice(0, eq)).trim().toUpperCase();
    if (eq < 0 || !/^\d{4}-Q[1-4]$/.test(period)) throw new UsageError(`--milestone 格式应为 2025-Q2=<节点目标>[@<完成比例>]，例如 --milestone 2025-Q2=完成方案@40，收到“${value}”`);
    if (result.has(period)) throw new UsageError(`--milestone 中季度 ${period} 写了不止一次，请只写一次`);
    const rest = normalized.slice(eq + 1).trim();
    const at = /^(.*?)\s*@\s*([^@]*?)\s*%?$/.exec(rest);
    if (!at) {
      result.set(period, rest === '' ? null : { period, text: rest });
      continue;
    }
    const percent = Number(at[2]);
    if (at[2] === '' || !Number.isFinite(percent)) throw new UsageError(`--milestone ${period} 的完成比例应为0到100之间的数字，例如 ${period}=完成方案@40，收到“${at[2]}”`);
    result.set(period, { period, text: at[1]!.trim(), percent });
  }
  return result;
}

const milestoneLine = (list: readonly { period: string; text: string; percent?: number | null }[]) =>
  `节点目标：${list.map((m) => `${periodLabel(parsePeriod(m.period))} ${[m.text, m.percent == null ? '' : `应完成${m.percent}%`].filter(Boolean).join('，')}`).join('；') || '无'}`;

/** 科室、科室 (or commas): each a department's name or alias. */
async function leadIds(context: CommandContext, value: string): Promise<{ ids: string[]; names: string[] }> {
  const names = value
    .split(/[、,，;；]/)
    .map((name) => name.trim())
    .filter(Boolean);
  const found = [];
  for (const name of names) found.push(await resolveDepartment(context, name));
  return { ids: [...new Set(found.map((d) => d.id))], names: [...new Set(found.map((d) => d.name))] };
}

const COMPARATOR_WORDS: Record<string, Comparator> = {
  '>=': '>=',
  '≥': '>=',
  不低于: '>=',
  不少于: '>=',
  至少: '>=',
  达到: '>=',
  以上: '>=',
  '<=': '<=',
  '≤': '<=',
  不高于: '<=',
  不超过: '<=',
  至多: '<=',
  控制在: '<=',
  以下: '<=',
  以内: '<=',
  '=': '=',
  等于: '=',
  '>': '>',
  高于: '>',
  大于: '>',
  超过: '>',
  '<': '<',
  低于: '<',
  小于: '<',
  between: 'between',
  区间: 'between',
  之间: 'between',
};

function comparatorOption(context: CommandContext): Comparator | undefined {
  const value = text(context, 'comparator');
  if (value === undefined) return undefined;
  const found = COMPARATOR_WORDS[normalizeWidth(value).trim()];
  if (!found) throw new UsageError(`--comparator 应为 >=、<=、=、>、<、between，或“不低于”“不高于”“等于”“区间”等，收到“${value}”`);
  return found;
}

function numberOf(name: string, value: string): number {
  const normal = normalizeWidth(value).replace(/[,，\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(normal)) throw new UsageError(`--${name} 必须是数字，收到“${value}”`);
  return Number(normal);
}

/** --value 98, or a range 90-95 (also 90~95, 90—95, 90至95). */
function valueOption(context: CommandContext): { value: number; max: number | null } | undefined {
  const value = text(context, 'value');
  if (value === undefined) return undefined;
  const range = /^\s*(-?[\d.,，]+)\s*(?:-|~|～|—|－|至|到)\s*(-?[\d.,，]+)\s*$/.exec(normalizeWidth(value));
  if (range) return { value: numberOf('value', range[1]!), max: numberOf('value', range[2]!) };
  return { value: numberOf('value', value), max: null };
}

/** A number, or empty to clear; undefined when the option is absent. */
function optionalNumber(context: CommandContext, name: string): number | null | undefined {
  const value = text(context, name);
  if (value === undefined) return undefined;
  return value.trim() === '' ? null : numberOf(name, value);
}

const KIND_WORDS: Record<string, ValueKind> = {
  proportion: 'proportion',
  比例: 'proportion',
  rate: 'rate',
  发生率: 'rate',
  count: 'count',
  数量: 'count',
  amount: 'amount',
  金额: 'amount',
  growth: 'growth',
  增长率: 'growth',
  other: 'other',
  其他: 'other',
};

async function findIndicator(context: CommandContext, name: string): Promise<IndicatorRow> {
  const indicators = await read(context.invoke('indicators.list', {}));
  const exact = indicators.filter((i) => i.id === name.toLowerCase() || i.name === name);
  const matches = exact.length > 0 ? exact : indicators.filter((i) => canon(i.name) === canon(name));
  if (matches.length === 0) throw new UsageError(`找不到指标“${name}”，请检查名称（可用 --json 的指标编号）`);
  if (matches.length > 1) throw new UsageError(`有多个名为“${name}”的指标，请用编号指定：\n${matches.map((i) => `  ${i.id}  ${i.name}（目标 ${i.targetValue ?? '未设定'}${i.unit}）`).join('\n')}`);
  return matches[0]!;
}

const SIGNS: Record<Comparator, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<', between: '' };

function targetLabel(row: IndicatorRow): string {
  if (row.targetValue === null) return '未设定';
  return row.comparator === 'between' ? `${row.targetValue}—${row.targetValueMax ?? row.targetValue}${row.unit}` : `${SIGNS[row.comparator]}${row.targetValue}${row.unit}`;
}

export const editCommands: Record<string, Command> = {
  task: {
    summary: '修改任务的名称、牵头科室、完成时限或各季度节点目标（记入修改记录；再次导入该计划时保留）',
    usage: TASK_USAGE,
    options: {
      task: { type: 'string' },
      plan: { type: 'string' },
      title: { type: 'string' },
      leads: { type: 'string' },
      deadline: { type: 'string' },
      milestone: { type: 'string', multiple: true },
      'clear-milestones': { type: 'boolean' },
    },
    run: passRefusal(async (context) => {
      requireEdit(context, TASK_USAGE);
      const option = required(context, 'task', '任务序号或编号，例如 --task 3');
      const title = text(context, 'title');
      const leads = text(context, 'leads');
      const deadline = text(context, 'deadline');
      const milestones = milestoneOptions(context);
      const clearMilestones = context.options['clear-milestones'] === true;
      const editsMilestones = clearMilestones || milestones.size > 0;
      if (title === undefined && leads === undefined && deadline === undefined && !editsMilestones) {
        throw new UsageError('请至少写明一项要修改的内容：--title、--leads、--deadline、--milestone 或 --clear-milestones');
      }
      if (title !== undefined && !title.trim()) throw new UsageError('--title 不能为空');
      const { task, planTitle } = await findTask(context, option, text(context, 'plan'));
      const owners = leads === undefined ? undefined : await leadIds(context, leads);
      const args: CallArgs<'tasks.update'> = { id: task.id };
      if (title !== undefined) args.title = title.trim();
      if (owners) args.leadDepartmentIds = owners.ids;
      if (deadline !== undefined) args.deadline = deadline.trim();
      if (editsMilestones) {
        // The quarters named replace those quarters; the others stay unless --clear-milestones.
        const kept = new Map((clearMilestones ? [] : (task.milestones ?? [])).map((m) => [m.period, m as TaskMilestone]));
        for (const [period, milestone] of milestones) {
          if (milestone) kept.set(period, milestone);
          else kept.delete(period);
        }
        args.milestones = kept.size === 0 ? null : [...kept.values()];
      }
      const saved = await context.invoke('tasks.update', args);
      if (!saved.ok) return saved;
      const departments = await read(context.invoke('departments.list', {}));
      const names = saved.value.leadDepartmentIds.map((id) => departments.find((d) => d.id === id)?.name ?? id);
      const label = `${saved.value.number ? `${saved.value.number}. ` : ''}${saved.value.title}`;
      const details = [`牵头：${names.join('、') || '无'}`, `时限：${saved.value.deadline ?? '无'}`].join('；');
      const milestoneText = editsMilestones ? `\n${milestoneLine(saved.value.milestones ?? [])}` : '';
      return { ok: true, value: { json: saved.value, text: `已修改任务：${label}（${details}）\n计划：${planTitle}${milestoneText}` } };
    }),
  },

  indicator: {
    summary: '修改指标的名称、比较方式、目标值或区间、单位、基数及年份（记入修改记录；再次导入该计划时保留）',
    usage: INDICATOR_USAGE,
    options: {
      indicator: { type: 'string' },
      name: { type: 'string' },
      comparator: { type: 'string' },
      value: { type: 'string' },
      unit: { type: 'string' },
      baseline: { type: 'string' },
      'baseline-year': { type: 'string' },
      'target-year': { type: 'string' },
      kind: { type: 'string' },
      department: { type: 'string' },
    },
    run: passRefusal(async (context) => {
      requireEdit(context, INDICATOR_USAGE);
      const indicatorName = required(context, 'indicator', '指标名称或编号，例如 --indicator 婴儿死亡率');
      let comparator = comparatorOption(context);
      const target = valueOption(context);
      if (target?.max != null) {
        if (comparator && comparator !== 'between') throw new UsageError('--value 写成了区间（a-b），--comparator 应为 between（区间）');
        comparator = 'between';
      }
      const kindText = text(context, 'kind');
      const kind = kindText === undefined ? undefined : KIND_WORDS[kindText.trim()];
      if (kindText !== undefined && !kind) throw new UsageError(`--kind 应为：比例、发生率、数量、金额、增长率、其他，收到“${kindText}”`);
      const name = text(context, 'name');
      if (name !== undefined && !name.trim()) throw new UsageError('--name 不能为空');
      const args: CallArgs<'indicators.update'> = { id: (await findIndicator(context, indicatorName)).id };
      if (name !== undefined) args.name = name.trim();
      if (comparator) args.comparator = comparator;
      if (target) {
        args.targetValue = target.value;
        if (target.max !== null) args.targetValueMax = target.max;
      }
      const unit = text(context, 'unit');
      if (unit !== undefined) args.unit = unit.trim();
      const baseline = optionalNumber(context, 'baseline');
      if (baseline !== undefined) args.baselineValue = baseline;
      const baselineYear = optionalNumber(context, 'baseline-year');
      if (baselineYear !== undefined) args.baselineYear = baselineYear;
      const targetYear = optionalNumber(context, 'target-year');
      if (targetYear !== undefined) args.targetYear = targetYear;
      if (kind) args.valueKind = kind;
      const department = text(context, 'department');
      if (department !== undefined) args.departmentId = department.trim() ? (await resolveDepartment(context, department.trim())).id : null;
      if (Object.keys(args).length === 1) throw new UsageError('请至少写明一项要修改的内容，例如 --value 98 或 --baseline 93.2 --baseline-year 2025');
      const saved = await context.invoke('indicators.update', args);
      if (!saved.ok) return saved;
      const row = saved.value;
      const base = row.baselineValue === null ? '未设定' : `${row.baselineValue}${row.unit}${row.baselineYear ? `（${row.baselineYear}年）` : ''}`;
      return { ok: true, value: { json: row, text: `已修改指标：${row.name}（目标 ${targetLabel(row)}${row.targetYear ? `（${row.targetYear}年）` : ''}，基数 ${base}）` } };
    }),
  },
};
