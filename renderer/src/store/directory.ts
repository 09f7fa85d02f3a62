import type { CallArgs } from '../../../shared/api';
import type { DirectoryEntry } from '../../../shared/api/directory';
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
}

export const createDirectorySlice: Slice<DirectorySlice> = ({ set, call }) => {
  const loaders: Record<DirectoryKind, () => Promise<void>> = {
    departments: coalesce(async () => {
      const outcome = await call(calls.departments.list, {});
      if (outcome.ok) set({ departments: outcome.value });
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
  };
};
