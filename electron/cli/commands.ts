import type { ApiResult, CallArgs, CallName, CallResult } from '../../shared/api';
import { planKindLabels } from '../../shared/domain/plan-kinds';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './output';
import { backupCommands } from './backup-commands';
import { departmentCommands } from './department-commands';
import { editCommands } from './edit-commands';
import type { ParsePreview } from '../../shared/api/imports';
import { progressCommands } from './progress-commands';
import { reportCommands } from './report-commands';
import { reviewCommands } from './review-commands';
import { syncCommands } from './sync-commands';

/** What a command needs: typed calls into the core and its own parsed options. */
export interface CommandContext {
  invoke<N extends CallName>(name: N, args: CallArgs<N>): Promise<ApiResult<CallResult<N>>>;
  /** A repeatable option (`multiple: true`) arrives as a list. */
  readonly options: Record<string, string | boolean | string[] | undefined>;
  readonly positionals: readonly string[];
  /** The database this run opened (outputs never go over it). */
  readonly databasePath: string;
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
  readonly options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
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

function fileArgs(context: CommandContext): { fileName: string; contentBase64: string } {
  const file = context.positionals[0];
  if (!file) throw new UsageError('请指定要解析的文件，例如 parse 工作要点.docx');
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new UsageError(`无法读取文件“${file}”，请检查路径`);
  }
  return { fileName: path.basename(file), contentBase64: bytes.toString('base64') };
}

/** The clerk's review screen, non-interactively: take the parse as it is, create unknown departments. */
export function draftFromPreview(preview: ParsePreview) {
  const { parse } = preview;
  const years = [...(parse.title ?? '').matchAll(/(20\d\d)/g)].map((m) => Number(m[1]));
  const issuedYear = parse.issuedOn ? Number(parse.issuedOn.slice(0, 4)) : null;
  const yearFrom = years.length > 0 ? Math.min(...years) : issuedYear;
  const yearTo = years.length > 0 ? Math.max(...years) : issuedYear;
  return {
    title: parse.title ?? preview.source.fileName,
    kind: parse.kind,
    docNumber: parse.docNumber,
    issuer: parse.issuer,
    issuedOn: parse.issuedOn,
    yearFrom,
    yearTo,
    sections: parse.sections,
    tasks: parse.tasks.map(({ due: _due, ...task }) => task),
    targets: parse.targets.filter((t) => t.metric.trim() !== '').map(({ start: _start, end: _end, ...target }) => target),
    progress: parse.progressHistory.flatMap((p) => (p.period ? [{ taskKey: p.taskKey, period: p.period, text: p.text }] : [])),
  };
}

export const commands: Record<string, Command> = {
  init: {
    summary: '初始化本机数据库：设置单位（及科室），生成本机身份和密钥；不指定 --department 即为办公室汇总、审核用的电脑',
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
      // Without --department this is the office's PC, which reviews (as setup's 办公室 does).
      args.pcRole = department ? 'department' : 'office';
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

  info: {
    summary: '查看本机数据库和身份信息',
    usage: 'info',
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

  parse: {
    summary: '解析计划文件，输出识别出的章节、任务、牵头科室、责任单位、时限和指标（不保存）',
    usage: 'parse <文件> [--json]',
    options: {},
    run: (context) =>
      mapResult(context.invoke('imports.parse', fileArgs(context)), (preview) => ({
        json: preview.parse,
        text: [
          `标题：${preview.parse.title ?? '（未识别）'}`,
          `类型：${planKindLabels[preview.parse.kind]}，文号：${preview.parse.docNumber ?? '无'}，印发：${preview.parse.issuer ?? '无'} ${preview.parse.issuedOn ?? ''}`,
          `章节 ${preview.parse.sections.length} 个，任务 ${preview.parse.tasks.length} 项，指标 ${preview.parse.targets.length} 个`,
          ...preview.parse.tasks.map((t) => `  ${t.number}. ${t.title}${t.leadDepartments.length ? `（牵头：${t.leadDepartments.join('、')}）` : ''}`),
          ...preview.parse.warnings.map((w) => `注意：${w.message}`),
        ].join('\n'),
      })),
  },

  'import-plan': {
    summary: '解析并保存计划（一次事务）；未知的牵头科室自动新建；同一文件再次导入只更新',
    usage: 'import-plan <文件> [--json]',
    options: {},
    run: async (context) => {
      const preview = await context.invoke('imports.parse', fileArgs(context));
      if (!preview.ok) return preview;
      const owners = preview.value.owners.filter((o) => o.departmentId === null).map((o) => ({ name: o.name, action: 'create' as const }));
      const existing = preview.value.existing;
      const saved = await context.invoke('imports.save', {
        draft: draftFromPreview(preview.value),
        source: preview.value.source,
        owners,
        planId: existing?.sameContent ? existing.planId : null,
        acceptedChanges: null,
      });
      return mapResult(Promise.resolve(saved), (result) => ({
        json: result,
        text: [
          `${result.updated ? '已更新' : '已导入'}计划：${preview.value.parse.title ?? preview.value.source.fileName}`,
          `任务 ${result.tasks} 项，指标 ${result.targets} 个`,
          result.createdDepartments.length ? `新建科室：${result.createdDepartments.join('、')}（可在“设置”中合并为别名）` : '',
          `计划编号：${result.planId}`,
        ]
          .filter(Boolean)
          .join('\n'),
      }));
    },
  },

  generate: {
    summary: '生成演示和测试用数据（单位 × 年 × 任务 × 季度）',
    usage: 'generate [--offices 40] [--years 5] [--tasks 60] [--plans 1] [--departments 8] [--first-year 2021] [--seed 1] [--own-office]',
    options: {
      offices: { type: 'string' },
      years: { type: 'string' },
      tasks: { type: 'string' },
      plans: { type: 'string' },
      departments: { type: 'string' },
      'first-year': { type: 'string' },
      seed: { type: 'string' },
      'own-office': { type: 'boolean' },
    },
    run: (context) =>
      mapResult(
        context.invoke('system.generate', {
          offices: integer(context, 'offices', 2),
          years: integer(context, 'years', 1),
          tasksPerPlan: integer(context, 'tasks', 60),
          departmentsPerOffice: integer(context, 'departments', 8),
          firstYear: integer(context, 'first-year', 2021),
          seed: integer(context, 'seed', 1),
          plansPerYear: integer(context, 'plans', 1),
          intoOwnOffice: context.options['own-office'] === true,
        }),
        (summary) => ({
          json: summary,
          text: `已生成：${summary.offices}个单位，${summary.plans}个计划，${summary.tasks}项任务，${summary.progressReports}条季度进展，${summary.indicatorValues}个指标值，${summary.changes}条修改记录。`,
        }),
      ),
  },

  ...departmentCommands,
  ...editCommands,
  ...progressCommands,
  ...reviewCommands,
  ...syncCommands,
  ...reportCommands,
  ...backupCommands,
};
