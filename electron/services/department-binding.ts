import type { Core } from '../core/core';
import { AppError } from '../core/app-error';
import { rebindLocalIdentity } from '../core/identity';
import { departmentRecord, mergeTarget, namesOf, officeDepartmentNamed, officeDepartments, officeMade } from './department-origin';
import { hasDepartmentWork, mergeDepartmentRecords, moveDepartmentWork } from './department-merge';

/*
 * A department PC reports for one department of its office's list. At setup it can only guess
 * (the name the clerk typed); once the office's records arrive it binds to the office's record
 * that answers to that name or alias, and its own stray record is merged into it locally (never
 * sent: see sync/scope.ts). A merge made by the office travels too: a PC bound to the merged
 * department follows merged_into. The office, for its part, folds a stray that arrived anyway
 * into its department of the same name or alias, so 办公室审核 never lists one 科室 twice.
 */

/** Bind this installation to a department (and, when given, an office); publishes the new binding. Not inside a mutation run. */
export function bindInstallation(core: Core, departmentIdValue: string, officeIdValue?: string): void {
  rebindLocalIdentity(core.db, { departmentId: departmentIdValue, ...(officeIdValue ? { officeId: officeIdValue } : {}) });
  core.reloadIdentity();
  const me = core.requireIdentity();
  const name = departmentRecord(core, departmentIdValue)?.name ?? '';
  core.mutations.run((writer) => {
    if (writer.get('installations', me.installationId)) writer.update('installations', me.installationId, { office_id: me.officeId, department_id: departmentIdValue, label: name });
  });
}

/** The office's list has arrived on this PC: at least one live department the office made. */
function hasOfficeList(core: Core, officeIdValue: string): boolean {
  return officeDepartments(core, officeIdValue).some((d) => !d.deleted && officeMade(core, 'departments', d.id));
}

/** Nothing but the setup records belongs to this office yet, so the PC may join the office that assigns it work. */
function officeAdoptable(core: Core, officeIdValue: string): boolean {
  if (officeMade(core, 'offices', officeIdValue)) return false;
  return core.db.prepare('SELECT 1 FROM plans WHERE office_id = ? AND deleted = 0 LIMIT 1').get(officeIdValue) === undefined;
}

export interface PackageOrigin {
  readonly officeId: string;
  readonly departmentId: string | null;
}

/** After an import: bind, rebind or fold departments as described above. Returns Chinese notes for the import summary. */
export function reconcileDepartments(core: Core, origin: PackageOrigin | null, kind: string): string[] {
  const notes: string[] = [];
  const me = core.requireIdentity();
  if (me.departmentId) {
    const fromOffice = origin !== null && kind === 'assignment' && origin.departmentId === null;
    // Setup derived the office id from what the clerk typed (code or name); the office's own id wins.
    const adopt = fromOffice && origin.officeId !== me.officeId && officeAdoptable(core, me.officeId);
    const officeIdValue = adopt ? origin.officeId : me.officeId;
    const bound = departmentRecord(core, me.departmentId);
    let next: string | null = null;
    const merged = mergeTarget(core, me.departmentId);
    if (merged) {
      core.mutations.run((writer) => moveDepartmentWork(core, writer, me.departmentId!, merged, 'newer'));
      next = merged;
      notes.push(`办公室已将科室“${bound?.name ?? ''}”合并到“${departmentRecord(core, merged)?.name ?? ''}”，本机改为该科室填报`);
    } else if (bound && !bound.deleted && !officeMade(core, 'departments', bound.id)) {
      const match = officeDepartmentNamed(core, officeIdValue, namesOf(bound), bound.id);
      if (match) {
        core.mutations.run((writer) => mergeDepartmentRecords(core, writer, bound.id, match.id, { prefer: 'newer', aliases: false }));
        next = match.id;
        if (match.name !== bound.name) notes.push(`本机设置的科室“${bound.name}”即办公室的“${match.name}”，已改为该科室`);
      } else if (hasOfficeList(core, officeIdValue)) {
        notes.push(`办公室的科室名单中没有“${bound.name}”，请在“设置”中选择本机所属科室`);
      }
    }
    if (adopt || next) bindInstallation(core, next ?? me.departmentId, adopt ? officeIdValue : undefined);
    if (adopt) {
      // The office record typed at setup stays here, tombstoned; the office never sees it.
      core.mutations.run((writer) => {
        if (writer.get('offices', me.officeId)) writer.remove('offices', me.officeId);
      });
    }
  }

  // Work that arrived for a department merged meanwhile follows the merge.
  const now = core.requireIdentity();
  for (const department of officeDepartments(core, now.officeId)) {
    if (!department.deleted || !department.mergedInto || !hasDepartmentWork(core, department.id)) continue;
    const target = mergeTarget(core, department.id);
    if (target) core.mutations.run((writer) => moveDepartmentWork(core, writer, department.id, target, 'newer'));
  }

  // The office: a department only a department PC made, answering to one of ours, is ours.
  if (!now.departmentId) {
    for (const stray of officeDepartments(core, now.officeId)) {
      if (stray.deleted || officeMade(core, 'departments', stray.id)) continue;
      const match = officeDepartmentNamed(core, now.officeId, namesOf(stray), stray.id);
      if (!match) continue;
      core.mutations.run((writer) => mergeDepartmentRecords(core, writer, stray.id, match.id, { prefer: 'newer', aliases: true }));
      notes.push(`收到的科室“${stray.name}”即本单位的“${match.name}”，已并入该科室`);
    }
  }
  return notes;
}

/**
 * 设置 on a department PC: report for another department of the office's list. A stray record
 * this PC made (typed at setup) is merged into the chosen one, so its work moves along; a real
 * department keeps its entries (they are that department's).
 */
export function chooseDepartment(core: Core, departmentIdValue: string): void {
  const me = core.requireIdentity();
  if (!me.departmentId) throw new AppError('INVALID_ARGUMENT', '本机是办公室汇总用的电脑，不属于某个科室');
  const chosen = departmentRecord(core, departmentIdValue);
  if (!chosen || chosen.deleted || chosen.officeId !== me.officeId) throw new AppError('NOT_FOUND', '找不到该科室，可能已被删除或合并');
  if (chosen.id === me.departmentId) return;
  const current = departmentRecord(core, me.departmentId);
  if (current && !current.deleted && !officeMade(core, 'departments', current.id) && officeMade(core, 'departments', chosen.id)) {
    core.mutations.run((writer) => mergeDepartmentRecords(core, writer, current.id, chosen.id, { prefer: 'newer', aliases: false }));
  }
  bindInstallation(core, chosen.id);
}
