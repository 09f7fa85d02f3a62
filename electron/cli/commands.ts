import type { ApiResult, CallArgs, CallName, CallResult } from '../../shared/api';
import { planKindLabels } from '../../shared/domain/plan-kinds';
import { UsageError } from './output';

/** What a command needs: typed calls into the core and its own parsed options. */
export interface CommandContext {
  invoke<N extends CallName>(name: N, args: CallArgs<N>): Promise<ApiResult<CallResult<N>>>;
  readonly options: Record<string, string | boolean | undefined>;
  readonly positionals: readonly string[];
  /** Progress lines for long jobs go to stderr so --json output stays clean. */
  progress(line: string): void;
}

export interface CommandOutput {
  readonly json: unknown;
  readonly text: string;
  /** Printed as-is (already JSON), for dump. */
  readonly raw?: string;
}

export interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: Record<string, { type: 'string' | 'boolean' }>;
  run(context: CommandContext): Promise<ApiResult<CommandOutput>>;
}

function text(context: CommandContext, name: string): string | undefined {
  const value = context.options[name];
  return typeof value === 'string' ? value : undefined;
}

function integer(context: CommandContext, name: string, fallback: number): number {
  const value = text(context, name);
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} 必须是整数，收到“${value}”`);
  return Number(value);
}

async function mapResult<T>(result: Promise<ApiResult<T>>, render: (value: T) => CommandOutput): Promise<ApiResult<CommandOutput>> {
  const settled = await result;
  return settled.ok ? { ok: true, value: render(settled.value) } : settled;
}

export const commands: Record<string, Command> = {
  init: {
    summary: '初始化本机数据库：设置单位（及科室），生成本机身份和密钥',
    usage: 'init --office <单位名称> [--code <单位代码>] [--department <科室>]',
    options: { office: { type: 'string' }, code: { type: 'string' }, department: { type: 'string' } },
    run: (context) => {
      const office = text(context, 'office');
      if (!office) throw new UsageError('请用 --office 指定单位名称，例如 --office 渝北区卫生健康委');
      const args: CallArgs<'system.init'> = { officeName: office };
      const code = text(context, 'code');
      const department = text(context, 'department');
      if (code) args.officeCode = code;
      if (department) args.departmentName = department;
      return mapResult(context.invoke('system.init', args), (status) => ({
        json: status,
        text: [
          `已初始化：${status.installation?.officeName ?? ''}${status.installation?.departmentName ? ` · ${status.installation.departmentName}` : ''}`,
          `本机识别码：${status.installation?.fingerprint ?? ''}`,
          `数据库：${status.databasePath}`,
        ].join('\n'),
      }));
    },
  },

  status: {
    summary: '查看本机数据库和身份信息',
    usage: 'status',
    options: {},
    run: (context) =>
      mapResult(context.invoke('system.status', {}), (status) => ({
        json: status,
        text: status.installation
          ? [`单位：${status.installation.officeName}`, `科室：${status.installation.departmentName ?? '（全单位）'}`, `本机识别码：${status.installation.fingerprint}`, `数据库结构版本：${status.schemaVersion}`, `数据库：${status.databasePath}`].join('\n')
          : `尚未初始化。请运行：npm run -s cli -- init --office <单位名称>\n数据库：${status.databasePath}`,
      })),
  },

  dump: {
    summary: '按规范顺序输出全部可同步的数据（相同数据输出完全相同）',
    usage: 'dump --json',
    options: {},
    run: (context) => mapResult(context.invoke('system.dump', {}), (dump) => ({ json: null, text: dump, raw: dump })),
  },

  plans: {
    summary: '列出计划',
    usage: 'plans [--json]',
    options: {},
    run: (context) =>
      mapResult(context.invoke('plans.list', {}), (plans) => ({
        json: plans,
        text: plans.length === 0 ? '还没有计划。' : plans.map((p) => `${p.id}  ${planKindLabels[p.kind]}  ${p.title}（${p.taskCount}项任务）`).join('\n'),
      })),
  },

  generate: {
    summary: '生成演示和测试用数据（单位 × 年 × 任务 × 季度）',
    usage: 'generate [--offices 40] [--years 5] [--tasks 60] [--departments 8] [--first-year 2021] [--seed 1]',
    options: { offices: { type: 'string' }, years: { type: 'string' }, tasks: { type: 'string' }, departments: { type: 'string' }, 'first-year': { type: 'string' }, seed: { type: 'string' } },
    run: (context) =>
      mapResult(
        context.invoke('system.generate', {
          offices: integer(context, 'offices', 2),
          years: integer(context, 'years', 1),
          tasksPerPlan: integer(context, 'tasks', 60),
          departmentsPerOffice: integer(context, 'departments', 8),
          firstYear: integer(context, 'first-year', 2021),
          seed: integer(context, 'seed', 1),
        }),
        (summary) => ({
          json: summary,
          text: `已生成：${summary.offices}个单位，${summary.plans}个计划，${summary.tasks}项任务，${summary.progressReports}条季度进展，${summary.indicatorValues}个指标值，${summary.changes}条修改记录。`,
        }),
      ),
  },
};
