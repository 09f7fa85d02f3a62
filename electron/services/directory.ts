import type { DirectoryEntry } from '../../shared/api/directory';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';
import { AppError } from '../core/app-error';
import { departmentId, unitId } from '../core/ids';

type DirectoryTable = 'departments' | 'units';

interface DirectoryRow {
  id: string;
  name: string | null;
  aliases: string | null;
  sort_order: number | null;
}

const nouns: Record<DirectoryTable, string> = { departments: '科室', units: '责任单位' };

function toEntry(row: DirectoryRow): DirectoryEntry {
  return { id: row.id, name: row.name ?? '', aliases: row.aliases ? (JSON.parse(row.aliases) as string[]) : [], sortOrder: row.sort_order ?? 0 };
}

export function listDirectory(core: Core, table: DirectoryTable): DirectoryEntry[] {
  const { officeId } = core.requireIdentity();
  const rows = core.db
    .prepare(`SELECT id, name, aliases, sort_order FROM ${table} WHERE office_id = ? AND deleted = 0 ORDER BY sort_order, name`)
    .all(officeId) as DirectoryRow[];
  return rows.map(toEntry);
}

export function getEntry(core: Core, table: DirectoryTable, id: string): DirectoryEntry {
  const row = core.db.prepare(`SELECT id, name, aliases, sort_order FROM ${table} WHERE id = ? AND deleted = 0`).get(id) as DirectoryRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到该${nouns[table]}，可能已被删除`);
  return toEntry(row);
}

/** Names and aliases must be unique within an office, or owner matching becomes ambiguous. */
export function assertNamesFree(core: Core, table: DirectoryTable, names: string[], exceptId: string | null): void {
  const taken = new Map<string, string>();
  for (const entry of listDirectory(core, table)) {
    if (entry.id === exceptId) continue;
    for (const name of [entry.name, ...entry.aliases]) taken.set(name, entry.name);
  }
  const seen = new Set<string>();
  for (const name of names) {
    const owner = taken.get(name);
    if (owner !== undefined) {
      const detail = owner === name ? `已存在名为“${name}”的${nouns[table]}` : `“${name}”已是${nouns[table]}“${owner}”的别名`;
      throw new AppError('DUPLICATE', detail, { name: detail });
    }
    if (seen.has(name)) throw new AppError('DUPLICATE', `名称“${name}”重复填写`, { aliases: `名称“${name}”重复填写` });
    seen.add(name);
  }
}

function directoryHandlers(table: DirectoryTable, idOf: (officeId: string, name: string) => string) {
  return {
    list: ({ core }: { core: Core }) => listDirectory(core, table),
    create: ({ core }: { core: Core }, args: { name: string; aliases: string[] }) => {
      const { officeId } = core.requireIdentity();
      const aliases = args.aliases.filter((alias) => alias !== args.name);
      assertNamesFree(core, table, [args.name, ...aliases], null);
      const id = idOf(officeId, args.name);
      const next = core.db.prepare(`SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM ${table} WHERE office_id = ? AND deleted = 0`).get(officeId) as { n: number };
      core.mutations.run((writer) => writer.insert(table, id, { office_id: officeId, name: args.name, aliases, sort_order: next.n }));
      return getEntry(core, table, id);
    },
    update: ({ core }: { core: Core }, args: { id: string; name?: string | undefined; aliases?: string[] | undefined }) => {
      const current = getEntry(core, table, args.id);
      const name = args.name ?? current.name;
      const aliases = (args.aliases ?? current.aliases).filter((alias) => alias !== name);
      assertNamesFree(core, table, [name, ...aliases], args.id);
      core.mutations.run((writer) => writer.update(table, args.id, { name, aliases }));
      return getEntry(core, table, args.id);
    },
    remove: ({ core }: { core: Core }, args: { id: string }) => {
      getEntry(core, table, args.id);
      core.mutations.run((writer) => writer.remove(table, args.id));
      return null;
    },
  };
}

const departments = directoryHandlers('departments', departmentId);
const units = directoryHandlers('units', unitId);

export const directoryHandlerMap: HandlerMap<
  | 'departments.list'
  | 'departments.create'
  | 'departments.update'
  | 'departments.delete'
  | 'units.list'
  | 'units.create'
  | 'units.update'
  | 'units.delete'
> = {
  'departments.list': departments.list,
  'departments.create': departments.create,
  'departments.update': departments.update,
  'departments.delete': departments.remove,
  'units.list': units.list,
  'units.create': units.create,
  'units.update': units.update,
  'units.delete': units.remove,
};
