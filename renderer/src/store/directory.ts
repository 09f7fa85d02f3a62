import type { CallArgs } from '../../../shared/api';
import type { DepartmentRecordInfo, MergeOutcome } from '../../../shared/api/departments';
import type { DirectoryEntry } from '../../../shared/api/directory';
import type { SystemStatus } from '../../../shared/api/system';
import { coalesce } from './coalesce';
import type { Outcome, Slice } from './types';

export type DirectoryKind = 'departments' | 'units';

export const directoryNoun: Record<DirectoryKind, string> = { departments: '科室', units: '责任单位' };

const calls = {
  departments: { list: 'departments.list', create: 'departments.create', update: 'departments.update', remove: 'departments.delete' },
  units: { list: 'units.list', create: 'units.create', update: 'units.update', remove: 'units.delete' },
} as const;

export const DIRECTORY_FIELDS = ['name', 'aliases'] as const;

export interface DirectorySlice {
  readonly departments: readonly DirectoryEntry[] | null;
  readonly units: readonly DirectoryEntry[] | null;
  loadDirectory(kind: DirectoryKind): Promise<void>;
  createEntry(kind: DirectoryKind, args: CallArgs<'departments.create'>): Promise<Outcome<DirectoryEntry>>;
  updateEntry(kind: DirectoryKind, args: CallArgs<'departments.update'>): Promise<Outcome<DirectoryEntry>>;
  deleteEntry(kind: DirectoryKind, id: string): Promise<Outcome<null>>;
  /** Every department record with its merged state and origin (设置: merge, a department PC's choice). */
  readonly departmentRecords: readonly DepartmentRecordInfo[] | null;
  loadDepartmentRecords(): Promise<void>;
  /** A department PC reports for this department of the office's list from now on. */
  bindDepartment(id: string): Promise<Outcome<SystemStatus>>;
  mergeDepartments(args: CallArgs<'departments.merge'>, names: { from: string; into: string }): Promise<Outcome<MergeOutcome>>;
}

export const createDirectorySlice: Slice<DirectorySlice> = ({ set, get, call }) => {
  const loadRecords = coalesce(async () => {
    const outcome = await call('departments.all', {});
    if (outcome.ok) set({ departmentRecords: outcome.value });
  });
  const loaders: Record<DirectoryKind, () => Promise<void>> = {
    departments: coalesce(async () => {
      const outcome = await call(calls.departments.list, {});
      if (outcome.ok) set({ departments: outcome.value });
      if (get().departmentRecords) await loadRecords();
    }),
    units: coalesce(async () => {
      const outcome = await call(calls.units.list, {});
      if (outcome.ok) set({ units: outcome.value });
    }),
  };
  return {
    departments: null,
    units: null,
    loadDirectory: (kind) => loaders[kind](),
    createEntry: async (kind, args) => {
      const outcome = await call(calls[kind].create, args, { fields: DIRECTORY_FIELDS, success: `已添加${directoryNoun[kind]}“${args.name.trim()}”` });
      if (outcome.ok) await loaders[kind]();
      return outcome;
    },
    updateEntry: async (kind, args) => {
      const outcome = await call(calls[kind].update, args, { fields: DIRECTORY_FIELDS, success: `${directoryNoun[kind]}已保存` });
      if (outcome.ok) await loaders[kind]();
      return outcome;
    },
    deleteEntry: async (kind, id) => {
      const outcome = await call(calls[kind].remove, { id }, { success: `${directoryNoun[kind]}已删除` });
      if (outcome.ok) await loaders[kind]();
      return outcome;
    },
    departmentRecords: null,
    loadDepartmentRecords: () => loadRecords(),
    bindDepartment: async (id) => {
      const outcome = await call('departments.bind', { id }, { fields: ['id'], success: '本机所属科室已更改' });
      if (outcome.ok) {
        set({ status: outcome.value });
        await Promise.all([loaders.departments(), loadRecords()]);
      }
      return outcome;
    },
    mergeDepartments: async (args, names) => {
      const outcome = await call('departments.merge', args, { fields: ['intoId'], success: `已将“${names.from}”合并到“${names.into}”` });
      if (outcome.ok) await Promise.all([loaders.departments(), loadRecords()]);
      return outcome;
    },
  };
};
