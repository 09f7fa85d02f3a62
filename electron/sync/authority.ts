import type { Database, Statement } from 'better-sqlite3';
import type { ReplicatedTable } from '../../shared/schema/tables';
import { AppError } from '../core/app-error';
import type { ChangeRecord } from './changes';
import { indicatorValueId, progressReportId } from '../core/ids';
import { columnLabels, recordLabel, tableLabels } from './labels';
import type { Core } from '../core/core';

/*
 * Who may change what (the trust model in the README):
 * - an office PC: every record of its own office (plans, sections, tasks, indicators, departments,
 *   units, settings, the catalog, its office's PCs) and its departments' entries, values and
 *   evidence, reviews included; and the directory record of an office under it;
 * - a department PC: its own department's entries (not the review fields), indicator values and
 *   evidence, and its own installation record (still a department's);
 * - a change relayed from another PC must be within both the signer's and that PC's authority; a
 *   PC this one does not know yet is vouched for only by an office PC of the same office, and
 *   directory and catalog records of another office only when they claim that office as origin;
 * - a change claiming this PC as its origin that this PC does not hold is a forgery.
 * A package is checked as a whole before anything is written; one forbidden change refuses it.
 * Owners are judged on every value a record may take: what this PC holds and every value the
 * package proposes for the fields that decide ownership, so no ordering of changes slips by.
 */

export interface Role {
  readonly officeId: string;
  /** Null for an office PC. */
  readonly departmentId: string | null;
}

export interface Signer extends Role {
  readonly installationId: string;
  /** How the refusal names the sender: 渝北区卫生健康委 疾控科. */
  readonly label: string;
}

interface Owner {
  readonly officeId: string | null;
  /** The department whose work the record is (entries, values, evidence); null otherwise. */
  readonly departmentId: string | null;
}

/** Fields that decide whose a record is: the package's proposed values are all considered. */
const OWNER_COLUMNS: Partial<Record<ReplicatedTable, readonly string[]>> = {
  offices: ['parent_id'],
  installations: ['office_id', 'department_id'],
  departments: ['office_id'],
  units: ['office_id'],
  plans: ['office_id'],
  settings: ['office_id'],
  metrics: ['office_id'],
  metric_links: ['office_id'],
  sections: ['plan_id'],
  tasks: ['plan_id', 'lead_department_ids'],
  indicators: ['plan_id', 'task_id', 'department_id'],
  // The period is not an owner, but with task and department it makes the entry's id.
  progress_reports: ['task_id', 'department_id', 'period'],
  indicator_values: ['office_id', 'indicator_id', 'period'],
  attachments: ['owner_table', 'owner_id'],
};

/** Directory and catalog records an office PC may pass on for another office. */
const RELAYABLE = new Set<string>(['offices', 'installations', 'metrics', 'metric_links']);
/** Entry fields only the office writes (the review). */
const REVIEW_COLUMNS = new Set(['review_comment']);
const DEPARTMENT_WORKFLOW = new Set(['"draft"', '"submitted"', 'null']);
/** Alternatives per field are few in real packages; a crafted one cannot make the check explode. */
const MAX_ALTERNATIVES = 8;

export class Forbidden {
  constructor(
    readonly change: ChangeRecord,
    readonly reason: string,
  ) {}
}

/** Candidate values of a record's owner fields: what this PC holds plus what the package proposes. */
class OwnerView {
  private readonly proposals = new Map<string, Set<string | null>>();
  private readonly reads = new Map<string, Statement>();
  private readonly rows = new Map<string, Record<string, unknown> | null>();
  private readonly owners = new Map<string, Owner[]>();

  constructor(
    private readonly db: Database,
    changes: readonly ChangeRecord[],
  ) {
    for (const change of changes) {
      if (!OWNER_COLUMNS[change.tbl as ReplicatedTable]?.includes(change.col)) continue;
      const key = `${change.tbl}\u0000${change.row_id}\u0000${change.col}`;
      let values = this.proposals.get(key);
      if (!values) this.proposals.set(key, (values = new Set()));
      values.add(textValue(change.value));
    }
  }

  /** Every value the field may take (never empty: an unknown field is [null]). */
  values(table: ReplicatedTable, id: string, column: string): (string | null)[] {
    const held = this.row(table, id);
    const out = new Set<string | null>(held ? [held[column] == null ? null : String(held[column])] : []);
    for (const value of this.proposals.get(`${table}\u0000${id}\u0000${column}`) ?? []) out.add(value);
    if (out.size === 0) out.add(null);
    return [...out].slice(0, MAX_ALTERNATIVES);
  }

  exists(table: ReplicatedTable, id: string): boolean {
    return this.row(table, id) !== null;
  }

  /** An entry's id is derived from its task, department and quarter (a value's from indicator, office, quarter): any other is a forgery that would hide the real one. */
  idMismatch(table: ReplicatedTable, id: string): boolean {
    if (table !== 'progress_reports' && table !== 'indicator_values') return false;
    const [first, second] = table === 'progress_reports' ? ['task_id', 'department_id'] : ['indicator_id', 'office_id'];
    const derive = table === 'progress_reports' ? progressReportId : indicatorValueId;
    for (const a of this.values(table, id, first!)) {
      for (const b of this.values(table, id, second!)) {
        for (const period of this.values(table, id, 'period')) {
          if (a !== null && b !== null && period !== null && derive(a, b, period) !== id) return true;
        }
      }
    }
    return false;
  }

  /** A department merged into another (as this PC holds it) does its work as that one. */
  canonical(departmentId: string | null): string | null {
    let id = departmentId;
    for (let hops = 0; id !== null && hops < MAX_ALTERNATIVES; hops++) {
      const next = this.row('departments', id)?.merged_into;
      if (typeof next !== 'string' || next === '') break;
      id = next;
    }
    return id;
  }

  private row(table: ReplicatedTable, id: string): Record<string, unknown> | null {
    const key = `${table}\u0000${id}`;
    let row = this.rows.get(key);
    if (row === undefined) {
      let read = this.reads.get(table);
      if (!read) this.reads.set(table, (read = this.db.prepare(`SELECT * FROM ${table} WHERE id = ?`)));
      row = (read.get(id) as Record<string, unknown> | undefined) ?? null;
      this.rows.set(key, row);
    }
    return row;
  }

  /** Every owner the record may have. */
  ownersOf(table: ReplicatedTable, id: string | null): Owner[] {
    if (id === null) return [{ officeId: null, departmentId: null }];
    const key = `${table}\u0000${id}`;
    let found = this.owners.get(key);
    if (!found) {
      this.owners.set(key, [{ officeId: null, departmentId: null }]); // a cycle of parents owns nothing
      found = dedupe(this.resolve(table, id)).slice(0, MAX_ALTERNATIVES);
      this.owners.set(key, found);
    }
    return found;
  }

  private resolve(table: ReplicatedTable, id: string): Owner[] {
    const officeOnly = (officeId: string | null): Owner => ({ officeId, departmentId: null });
    const viaPlan = () => this.values(table, id, 'plan_id').flatMap((plan) => this.ownersOf('plans', plan));
    switch (table) {
      case 'offices':
        return [officeOnly(id)];
      case 'sections':
      case 'tasks':
        return viaPlan();
      case 'indicators': {
        const departments = this.values(table, id, 'department_id');
        return viaPlan().flatMap((plan) => departments.map((departmentId) => ({ officeId: plan.officeId, departmentId })));
      }
      case 'progress_reports': {
        const departments = this.values(table, id, 'department_id');
        const offices = this.values(table, id, 'task_id').flatMap((task) => this.ownersOf('tasks', task));
        return offices.flatMap((office) => departments.map((departmentId) => ({ officeId: office.officeId, departmentId })));
      }
      case 'indicator_values': {
        const departments = this.values(table, id, 'indicator_id').flatMap((indicator) => (indicator ? this.indicatorDepartments(indicator) : [null]));
        return this.values(table, id, 'office_id').flatMap((officeId) => departments.map((departmentId) => ({ officeId, departmentId })));
      }
      case 'attachments': {
        const tables = this.values(table, id, 'owner_table');
        const owners = this.values(table, id, 'owner_id');
        return tables.flatMap((ownerTable) =>
          ownerTable === 'progress_reports' || ownerTable === 'indicator_values'
            ? owners.flatMap((owner) => this.ownersOf(ownerTable, owner))
            : [officeOnly(null)],
        );
      }
      default:
        return this.values(table, id, 'office_id').map(officeOnly);
    }
  }

  /** An indicator's reporting department: its own, or else each lead of its task. */
  private indicatorDepartments(indicator: string): (string | null)[] {
    return this.values('indicators', indicator, 'department_id').flatMap((department) => {
      if (department) return [department];
      const leads = this.values('indicators', indicator, 'task_id').flatMap((task) => (task ? this.values('tasks', task, 'lead_department_ids') : []));
      const ids = leads.flatMap((json) => parseIds(json));
      return ids.length > 0 ? ids : [null];
    });
  }
}

function parseIds(json: string | null): string[] {
  if (!json) return [];
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX_ALTERNATIVES) : [];
  } catch {
    return [];
  }
}

function textValue(json: string): string | null {
  const value = JSON.parse(json) as unknown;
  if (value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function dedupe(owners: Owner[]): Owner[] {
  const seen = new Map<string, Owner>();
  for (const owner of owners) seen.set(`${owner.officeId}\u0000${owner.departmentId}`, owner);
  return [...seen.values()];
}

/** Why `role` may not write `change` to a record owned by `owner`, or null when it may. */
function outsideRole(role: Role, change: ChangeRecord, owner: Owner, view: OwnerView, installationId: string): string | null {
  const table = change.tbl as ReplicatedTable;
  if (role.departmentId === null) {
    if (owner.officeId === role.officeId) return null;
    if (table === 'offices' && view.values('offices', change.row_id, 'parent_id').includes(role.officeId)) return null;
    return '不属于发出单位';
  }
  // A department PC.
  if (table === 'installations') {
    if (change.row_id !== installationId) return '科室电脑只能修改本机的信息';
    if (view.values('installations', change.row_id, 'department_id').some((d) => !d)) return '科室电脑不能把自己改为办公室电脑';
    return null;
  }
  if (table !== 'progress_reports' && table !== 'indicator_values' && table !== 'attachments') return '科室电脑无权修改';
  if (owner.officeId !== role.officeId || view.canonical(owner.departmentId) !== view.canonical(role.departmentId)) return '不属于发出的科室';
  // Creating an entry writes an empty comment; only the office writes one.
  if (table === 'progress_reports' && REVIEW_COLUMNS.has(change.col) && change.value !== 'null') return '审核意见只能由办公室填写';
  // A new entry only for a task the department leads (as the tasks stand here or arrive).
  if (table === 'progress_reports' && !view.exists('progress_reports', change.row_id)) {
    const leads = view.values('progress_reports', change.row_id, 'task_id').flatMap((task) => (task ? view.values('tasks', task, 'lead_department_ids') : [null]));
    const canonical = view.canonical(role.departmentId);
    if (!leads.some((json) => parseIds(json).some((lead) => view.canonical(lead) === canonical))) return '该科室不牵头这项任务';
  }
  if (table === 'progress_reports' && change.col === 'workflow_state' && !DEPARTMENT_WORKFLOW.has(change.value)) return '审核只能由办公室进行';
  return null;
}

export interface AuthorityContext {
  /** This PC: a change claiming it must already be here. */
  readonly self: string;
  readonly signer: Signer;
  /** The role this PC already knows for another installation (trusted key or its record), or null. */
  readonly roleOf: (installationId: string) => Role | null;
  /** Whether this PC holds the change already (by HLC). */
  readonly holds: (hlc: string) => boolean;
}

/** Every change the signer may not deliver, with the reason. */
export function forbiddenChanges(db: Database, changes: readonly ChangeRecord[], context: AuthorityContext): Forbidden[] {
  const view = new OwnerView(db, changes);
  const forbidden: Forbidden[] = [];
  const { signer } = context;
  const checkedIds = new Map<string, boolean>();
  for (const change of changes) {
    const origin = change.origin_installation_id;
    const rowKey = `${change.tbl}\u0000${change.row_id}`;
    let badId = checkedIds.get(rowKey);
    if (badId === undefined) checkedIds.set(rowKey, (badId = view.idMismatch(change.tbl as ReplicatedTable, change.row_id)));
    if (badId) {
      forbidden.push(new Forbidden(change, '记录编号与其任务、科室和季度不符'));
      continue;
    }
    if (origin === context.self) {
      if (!context.holds(change.hlc)) forbidden.push(new Forbidden(change, '冒充本机的修改'));
      continue;
    }
    const relayed = origin !== signer.installationId;
    const originRole = relayed ? context.roleOf(origin) : signer;
    for (const owner of view.ownersOf(change.tbl as ReplicatedTable, change.row_id)) {
      let reason = outsideRole(signer, change, owner, view, signer.installationId);
      const relayOfOther = relayed && signer.departmentId === null && RELAYABLE.has(change.tbl) && owner.officeId !== null && change.origin_office_id === owner.officeId;
      if (reason && relayOfOther) reason = null;
      if (!reason && relayed) {
        if (originRole) reason = outsideRole(originRole, change, owner, view, origin) && '原始来源电脑无权修改';
        else if (signer.departmentId !== null) reason = '转交了本机不认识的电脑的修改';
        else if (change.origin_office_id !== (relayOfOther ? owner.officeId : signer.officeId)) reason = '转交的修改来源单位不符';
      }
      if (reason) {
        forbidden.push(new Forbidden(change, reason));
        break;
      }
    }
  }
  return forbidden;
}


/** The Chinese refusal: who tried, how many changes, the first few named. */
export function forbiddenMessage(core: Core, signer: Signer, forbidden: readonly Forbidden[], changes: readonly ChangeRecord[]): AppError {
  const shown = forbidden.slice(0, 3).map(({ change, reason }) => {
    const table = change.tbl as ReplicatedTable;
    // A record this PC does not have is named as the package names it.
    const proposed = core.db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(change.row_id)
      ? null
      : changes.find((c) => c.tbl === change.tbl && c.row_id === change.row_id && (c.col === 'name' || c.col === 'title'));
    const label = proposed ? String(JSON.parse(proposed.value) ?? '').slice(0, 40) : recordLabel(core, table, change.row_id);
    const field = columnLabels[change.col] ?? change.col;
    return `${tableLabels[table]}“${label}”的“${field}”（${reason}）`;
  });
  return new AppError(
    'FORBIDDEN',
    `来自${signer.label}的数据包中有 ${forbidden.length} 条修改超出了该电脑的权限：${shown.join('；')}${forbidden.length > 3 ? '等' : ''}。已拒绝整个数据包，未导入任何内容。请与对方核实：科室电脑只能报送本科室的进展、指标数值和佐证材料，计划、任务、指标和审核由办公室的电脑修改。`,
  );
}
