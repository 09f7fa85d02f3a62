import type { ApiResult } from '../../shared/api';
import type { DepartmentRecordInfo } from '../../shared/api/departments';
import type { DirectoryEntry } from '../../shared/api/directory';
import type { Command, CommandContext, CommandOutput } from './commands';
import { UsageError } from './output';
import { required } from './progress-commands';

/* The office's department list from the command line: the same calls as 设置 → 科室. */

function describe(d: DepartmentRecordInfo): string {
  const parts = [d.name];
  if (d.aliases.length > 0) parts.push(`别名：${d.aliases.join('、')}`);
  if (d.mergedInto) parts.push(`已合并到“${d.mergedInto.name}”`);
  if (d.bound) parts.push('本机所属科室');
  if (!d.fromOffice) parts.push('本机新建，未发给办公室');
  return `${d.id}  ${parts.join('  ')}`;
}

function entryText(d: DirectoryEntry): string {
  return `${d.name}${d.aliases.length > 0 ? `（别名：${d.aliases.join('、')}）` : ''}`;
}

/** A live department named on the command line by its name or one of its aliases. */
async function departmentNamed(context: CommandContext, option: string): Promise<ApiResult<DirectoryEntry>> {
  const name = required(context, option, '科室名称或别名');
  const list = await context.invoke('departments.list', {});
  if (!list.ok) return list;
  const found = list.value.find((d) => d.name === name) ?? list.value.find((d) => d.aliases.includes(name));
  if (!found) {
    const all = await context.invoke('departments.all', {});
    const merged = all.ok ? all.value.find((d) => d.mergedInto && (d.name === name || d.aliases.includes(name))) : undefined;
    if (merged?.mergedInto) throw new UsageError(`科室“${name}”已合并到“${merged.mergedInto.name}”`);
    throw new UsageError(`找不到科室“${name}”，可用：${list.value.map((d) => d.name).join('、') || '（还没有科室）'}`);
  }
  return { ok: true, value: found };
}

const ok = (json: unknown, text: string): ApiResult<CommandOutput> => ({ ok: true, value: { json, text } });

async function add(context: CommandContext): Promise<ApiResult<CommandOutput>> {
  const created = await context.invoke('departments.create', { name: required(context, 'name', '科室名称，例如 --name 疾病预防控制科'), aliases: [] });
  return created.ok ? ok(created.value, `已新增科室：${entryText(created.value)}`) : created;
}

async function alias(context: CommandContext): Promise<ApiResult<CommandOutput>> {
  const alias = required(context, 'alias', '别名，例如 --alias 疾控科');
  const found = await departmentNamed(context, 'department');
  if (!found.ok) return found;
  if (found.value.aliases.includes(alias)) return ok(found.value, `“${alias}”已是${found.value.name}的别名，无需添加`);
  const updated = await context.invoke('departments.update', { id: found.value.id, aliases: [...found.value.aliases, alias] });
  return updated.ok ? ok(updated.value, `已添加别名：${entryText(updated.value)}`) : updated;
}

async function rename(context: CommandContext): Promise<ApiResult<CommandOutput>> {
  const name = required(context, 'name', '新名称，例如 --name 疾病预防控制科');
  const found = await departmentNamed(context, 'department');
  if (!found.ok) return found;
  const renamed = await context.invoke('departments.rename', { id: found.value.id, name });
  return renamed.ok ? ok(renamed.value, `已改名：${entryText(renamed.value)}（原名称保留为别名，编号不变）`) : renamed;
}

async function merge(context: CommandContext): Promise<ApiResult<CommandOutput>> {
  const from = await departmentNamed(context, 'from');
  if (!from.ok) return from;
  const into = await departmentNamed(context, 'into');
  if (!into.ok) return into;
  const merged = await context.invoke('departments.merge', { fromId: from.value.id, intoId: into.value.id });
  if (!merged.ok) return merged;
  const m = merged.value;
  const lines = [
    `已将“${from.value.name}”合并到“${m.into.name}”：进展 ${m.moved} 条转入，牵头任务 ${m.tasks} 项，指标 ${m.indicators} 个，佐证材料 ${m.attachments} 份。`,
    m.kept > 0 ? `另有 ${m.kept} 条进展“${m.into.name}”已有同一任务同一季度的填报，保留其原有内容；“${from.value.name}”的文字保存在修改历史中。` : '',
    `现名称及别名：${entryText(m.into)}。合并会随数据包发到各科室电脑。`,
  ];
  return ok(m, lines.filter(Boolean).join('\n'));
}

const actions: Record<string, (context: CommandContext) => Promise<ApiResult<CommandOutput>>> = { add, alias, rename, merge };

export const departmentCommands: Record<string, Command> = {
  departments: {
    summary: '列出全部科室：名称、别名、编号，已合并的科室及合并到哪里',
    usage: 'departments [--json]',
    options: {},
    run: async (context) => {
      const all = await context.invoke('departments.all', {});
      if (!all.ok) return all;
      return ok(all.value, all.value.length === 0 ? '还没有科室。' : all.value.map(describe).join('\n'));
    },
  },

  department: {
    summary: '新增科室、添加别名、改名（原名称保留为别名）、合并两个科室（--department、--from、--into 可写名称或别名）',
    usage:
      'department add --name <科室> | department alias --department <科室> --alias <别名> | department rename --department <科室> --name <新名称> | department merge --from <科室> --into <科室>',
    options: { name: { type: 'string' }, department: { type: 'string' }, alias: { type: 'string' }, from: { type: 'string' }, into: { type: 'string' } },
    run: (context) => {
      const action = context.positionals[0];
      const run = action ? actions[action] : undefined;
      if (!run) throw new UsageError(action ? `不认识的操作“${action}”，可用：add、alias、rename、merge` : '请指定操作：add、alias、rename 或 merge');
      if (context.positionals.length > 1) throw new UsageError(`多余的参数“${context.positionals[1]}”；名称请用 --name、--department 等选项给出`);
      return run(context);
    },
  },
};
