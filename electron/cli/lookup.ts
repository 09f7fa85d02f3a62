import type { CommandContext } from './commands';
import { UsageError } from './output';

/** A department named on the command line (by name or alias), or null when none was named. */
export async function departmentIdByName(context: CommandContext, name: string | undefined): Promise<string | null> {
  if (!name) return null;
  const list = await context.invoke('departments.list', {});
  if (!list.ok) return null;
  const found = list.value.find((d) => d.name === name || d.aliases.includes(name));
  if (!found) throw new UsageError(`找不到科室“${name}”，可用：${list.value.map((d) => d.name).join('、')}`);
  return found.id;
}
