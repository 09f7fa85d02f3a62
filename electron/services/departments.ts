import type { DepartmentRecordInfo } from '../../shared/api/departments';
import type { Core } from '../core/core';
import type { HandlerMap } from '../core/handler';
import { AppError } from '../core/app-error';
import { chooseDepartment, bindInstallation } from './department-binding';
import { mergeDepartmentRecords } from './department-merge';
import { departmentRecord, officeDepartments, officeMade } from './department-origin';
import { assertNamesFree, getEntry } from './directory';
import { systemStatus } from './system';

/* The office's department list: all records, rename, merge; a department PC's choice of its own. */

export function allDepartments(core: Core): DepartmentRecordInfo[] {
  const me = core.requireIdentity();
  const records = officeDepartments(core, me.officeId);
  const names = new Map(records.map((d) => [d.id, d.name]));
  return records
    // Deleted without a merge: gone for good; merged ones say where their work went.
    .filter((d) => !d.deleted || d.mergedInto)
    .map((d) => ({
      id: d.id,
      name: d.name,
      aliases: d.aliases,
      sortOrder: d.sortOrder,
      mergedInto: d.deleted && d.mergedInto ? { id: d.mergedInto, name: names.get(d.mergedInto) ?? departmentRecord(core, d.mergedInto)?.name ?? '' } : null,
      fromOffice: officeMade(core, 'departments', d.id),
      bound: d.id === me.departmentId,
    }));
}

function liveDepartment(core: Core, id: string, role: string) {
  const record = departmentRecord(core, id);
  if (!record || record.deleted || record.officeId !== core.requireIdentity().officeId) {
    throw new AppError('NOT_FOUND', `找不到${role}，可能已被删除或合并`);
  }
  return record;
}

export const departmentHandlers: HandlerMap<'departments.all' | 'departments.rename' | 'departments.merge' | 'departments.bind'> = {
  'departments.all': ({ core }) => allDepartments(core),

  'departments.rename': ({ core }, args) => {
    const current = liveDepartment(core, args.id, '该科室');
    if (current.name === args.name) return getEntry(core, 'departments', args.id);
    // The old name keeps matching documents and PCs that still use it.
    const aliases = [...new Set([...current.aliases, current.name])].filter((alias) => alias !== args.name && alias !== '');
    assertNamesFree(core, 'departments', [args.name, ...aliases], args.id);
    core.mutations.run((writer) => writer.update('departments', args.id, { name: args.name, aliases }));
    return getEntry(core, 'departments', args.id);
  },

  'departments.merge': ({ core }, args) => {
    if (args.fromId === args.intoId) throw new AppError('INVALID_ARGUMENT', '不能把科室合并到它自己', { intoId: '请选择另一个科室' });
    liveDepartment(core, args.fromId, '要合并的科室');
    liveDepartment(core, args.intoId, '合并到的科室');
    const outcome = core.mutations.run((writer) => mergeDepartmentRecords(core, writer, args.fromId, args.intoId, { prefer: 'target', aliases: true }));
    // A PC that reported for the merged department reports for the target from now on.
    if (core.requireIdentity().departmentId === args.fromId) bindInstallation(core, args.intoId);
    return { into: getEntry(core, 'departments', args.intoId), ...outcome };
  },

  'departments.bind': ({ core }, args) => {
    chooseDepartment(core, args.id);
    return systemStatus(core);
  },
};
