import type { CallName } from '../../shared/api';
import type { PlanSummary, Task } from '../../shared/api/plans';
import type { Attachment, DraftFields, Entry, EntryFields, IndicatorRow, SheetTask } from '../../shared/api/progress';
import { asOfDate, checkValue, indicatorLight, outlierWarning, taskLight, type TaskSpec } from '../../shared/domain/lights';
import { formatPeriod, parsePeriod, periodEndDate, previousPeriod, type Period } from '../../shared/domain/period';
import type { Light, TaskStatus, WorkflowState } from '../../shared/domain/progress-status';
import { Failure, type Row } from './fake-failure';
import type { StatusSettingsValue } from '../../shared/api/settings';
import type { DashboardSummary, LedgerFilter, LedgerResult, LedgerRow } from '../../shared/api/ledger';
import { aggregateTask, countQuarter, type TaskQuarter } from '../../shared/domain/quarter-state';
import { defaultStatusSettings } from '../../shared/domain/lights';

const FAKE_OFFICE_ID = '22222222-2222-4222-8222-222222222222';

/** What FakeLedger lends the progress part: its tables, change log and clock. */
export interface FakeDb {
  live(table: string): Row[];
  row(table: string, id: string, noun: string): Row;
  write(table: string, id: string, values: Record<string, unknown>): void;
  task(row: Row): Task;
  plan(row: Row): PlanSummary;
  now(): string;
  actor(): string;
  role(): 'clerk' | 'reviewer';
  /** The office's light settings, including the reporting deadline's grace days. */
  statusSettings(): StatusSettingsValue;
}

export interface IndicatorSeed {
  readonly planId: string;
  readonly departmentId: string | null;
  readonly name: string;
  readonly unit: string;
  readonly comparator: IndicatorRow['comparator'];
  readonly targetValue: number | null;
  readonly targetValueMax?: number | null;
  readonly targetYear?: number | null;
  readonly baselineValue?: number | null;
  readonly baselineYear?: number | null;
  readonly valueKind: IndicatorRow['valueKind'];
  readonly accumulation?: IndicatorRow['accumulation'];
}

const HANDLED = new Set<CallName>([
  'progress.sheet',
  'progress.saveDraft',
  'progress.save',
  'progress.carryForward',
  'progress.review',
  'progress.unlock',
  'progress.reasonDraft',
  'progress.overview',
  'progress.taskDetail',
  'progress.status',
  'indicators.list',
  'indicators.setValue',
  'indicators.update',
  'attachments.add',
  'attachments.read',
  'attachments.remove',
  'plans.carryOver',
  'ledger.query',
  'dashboard.summary',
  'dashboard.indicators',
]);

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

const LOCKED = '该进展已审核锁定，如需修改请由办公室解锁';

/**
 * Quarterly reports as the core keeps them: one entry per task, department and quarter,
 * drafts local and outside the change log, approved entries locked, a return needs a comment
 * (the contract's own check), lights from shared/domain/lights.
 */
export class FakeProgress {
  private drafts = new Map<string, DraftFields>();
  private files = new Map<string, string>();
  private stamps = new Map<string, { at: string; by: string }>();
  /** Who approved or returned each entry (the core reads both from the change log). */
  private reviews = new Map<string, { at: string; by: string }>();

  /** Reasons typed but not sent, as the core keeps them in its local drafts table. */
  private readonly reasonDrafts = new Map<string, string>();

  constructor(private readonly db: FakeDb) {}

  handles(name: CallName): boolean {
    return HANDLED.has(name);
  }

  addIndicator(seed: IndicatorSeed): string {
    const id = crypto.randomUUID();
    this.db.write('indicators', id, {
      plan_id: seed.planId,
      task_id: null,
      department_id: seed.departmentId,
      name: seed.name,
      unit: seed.unit,
      comparator: seed.comparator,
      target_value: seed.targetValue,
      target_value_max: seed.targetValueMax ?? null,
      target_year: seed.targetYear ?? null,
      baseline_value: seed.baselineValue ?? null,
      baseline_year: seed.baselineYear ?? null,
      value_kind: seed.valueKind,
      accumulation: seed.accumulation ?? 'point',
      pace: null,
      sort_order: this.db.live('indicators').length + 1,
    });
    return id;
  }

  storedEntry(taskId: string, departmentId: string, period: string): Entry | null {
    const row = this.entryRow(taskId, departmentId, period);
    return row ? this.entry(row) : null;
  }

  handle(name: CallName, a: Record<string, unknown>): unknown {
    switch (name) {
      case 'progress.sheet':
        return this.sheet(a.period as string, a.departmentId as string);
      case 'progress.saveDraft': {
        this.requireLed(a.taskId as string, a.departmentId as string);
        const key = this.key(a.taskId as string, a.departmentId as string, a.period as string);
        const draft = { ...(this.drafts.get(key) ?? {}), ...(a.fields as Partial<EntryFields>), savedAt: this.db.now() };
        this.drafts.set(key, draft);
        return draft;
      }
      case 'progress.save':
        return this.save(a.taskId as string, a.departmentId as string, a.period as string, a.fields as EntryFields, a.submit as boolean);
      case 'progress.carryForward':
        return this.carryForward(a.departmentId as string, a.period as string, a.taskId as string | null);
      case 'progress.review': {
        const row = this.db.row('progress_reports', a.id as string, '进展');
        this.requireReviewer('审核');
        const state = row.workflow_state as WorkflowState;
        const approve = a.decision === 'approve';
        // Like the core: an approval may follow a return; a return only follows a submission.
        if (approve && (state === 'draft' || state === 'approved')) throw new Failure('CONFLICT', state === 'draft' ? '该进展还是草稿，尚未提交，不能审核通过' : '该进展已审核通过，无需重复审核');
        if (!approve && state !== 'submitted') throw new Failure('CONFLICT', '该进展尚未提交或已处理，不能退回');
        const comment = (a.comment as string).trim();
        this.db.write('progress_reports', row.id, { workflow_state: approve ? 'approved' : 'returned', review_comment: comment || null });
        this.reviews.set(row.id, { at: this.db.now(), by: this.db.actor() });
        return this.entry(row);
      }
      case 'progress.reasonDraft': {
        const key = `${a.kind as string}:${a.entryId as string}`;
        if (a.clear === true || a.text === '') this.reasonDrafts.delete(key);
        else if (typeof a.text === 'string') this.reasonDrafts.set(key, a.text);
        const text = this.reasonDrafts.get(key);
        return text === undefined ? null : { text, savedAt: new Date(0).toISOString() };
      }
      case 'progress.unlock': {
        const row = this.db.row('progress_reports', a.id as string, '进展');
        this.requireReviewer('解锁');
        if (row.workflow_state !== 'approved') throw new Failure('CONFLICT', '只有已审核的进展需要解锁，该进展现在就可以修改');
        this.db.write('progress_reports', row.id, { workflow_state: 'returned', review_comment: `解锁：${a.reason as string}` });
        this.reviews.set(row.id, { at: this.db.now(), by: this.db.actor() });
        return this.entry(row);
      }
      case 'progress.overview':
        return this.overview(a.period as string);
      case 'progress.taskDetail':
        return this.taskDetail(a.taskId as string);
      case 'progress.status':
        return this.status(a.period as string, (a.includeSubmitted as boolean | undefined) ?? false);
      case 'ledger.query':
        return this.ledger(a as unknown as LedgerFilter & { limit: number | null });
      case 'dashboard.summary':
        return this.summary(a as unknown as LedgerFilter);
      case 'dashboard.indicators':
        return [];
      case 'indicators.list':
        return this.db
          .live('indicators')
          .filter((r) => (a.planId === null || r.plan_id === a.planId) && (a.departmentId === null || r.department_id === a.departmentId))
          .map((r) => this.indicator(r));
      case 'indicators.setValue':
        return this.setValue(a.indicatorId as string, a.period as string, a.value as number, a.note as string);
      case 'indicators.update': {
        const row = this.db.row('indicators', a.id as string, '指标');
        const values: Record<string, unknown> = {};
        // The core's checks, in short: a range needs an upper end not below the lower.
        const comparator = (a.comparator ?? row.comparator) as string;
        const low = (a.targetValue === undefined ? row.target_value : a.targetValue) as number | null;
        const high = (a.targetValueMax === undefined ? row.target_value_max : a.targetValueMax) as number | null;
        if (comparator === 'between' && (high === null || low === null || high < low)) throw new Failure('INVALID_ARGUMENT', '目标上限不能小于下限', { targetValueMax: high === null ? '区间目标需要填写上限' : '目标上限不能小于下限' });
        const columns = { name: 'name', comparator: 'comparator', targetValue: 'target_value', targetValueMax: 'target_value_max', unit: 'unit', baselineValue: 'baseline_value', baselineYear: 'baseline_year', targetYear: 'target_year' } as const;
        for (const [field, column] of Object.entries(columns)) if (a[field] !== undefined) values[column] = a[field];
        if (comparator !== 'between') values.target_value_max = null;
        if (a.valueKind !== undefined) values.value_kind = a.valueKind;
        if (a.accumulation !== undefined) values.accumulation = a.accumulation;
        if (a.pace !== undefined) values.pace = a.pace;
        if (a.departmentId !== undefined) values.department_id = a.departmentId;
        this.db.write('indicators', row.id, values);
        return this.indicator(row);
      }
      case 'attachments.add':
        return this.addAttachment(a.taskId as string, a.departmentId as string, a.period as string, a.fileName as string, a.contentBase64 as string);
      case 'attachments.read': {
        const row = this.db.row('attachments', a.id as string, '佐证材料');
        return { fileName: row.file_name as string, mime: row.mime as string, contentBase64: this.files.get(row.id) ?? '' };
      }
      case 'attachments.remove': {
        const row = this.db.row('attachments', a.id as string, '佐证材料');
        const owner = this.db.row('progress_reports', row.owner_id as string, '进展');
        if (owner.workflow_state === 'approved') throw new Failure('LOCKED', LOCKED);
        this.db.write('attachments', row.id, { deleted: true });
        return null;
      }
      case 'plans.carryOver':
        return this.carryOver(a.fromPlanId as string, a.toPlanId as string | null, a.taskIds as string[]);
      default:
        throw new Failure('UNKNOWN_CALL', `测试替身未实现：${name}`);
    }
  }

  // ---- entries ----

  /** The office's review is a workflow aid: the core still asks for the 审核员 role. */
  private requireReviewer(action: string): void {
    if (this.db.role() !== 'reviewer') throw new Failure('INVALID_ARGUMENT', `${action}需要审核员身份，请在“设置”中把本机角色切换为“审核员”后再操作`);
  }

  /** Only a task's lead departments report on it. */
  private requireLed(taskId: string, departmentId: string): Task {
    const task = this.db.task(this.db.row('tasks', taskId, '任务'));
    const department = this.db.row('departments', departmentId, '科室');
    if (!task.leadDepartmentIds.includes(departmentId)) {
      const message = `任务“${task.title}”不由${department.name as string}牵头，不能由该科室填报`;
      throw new Failure('INVALID_ARGUMENT', message, { departmentId: message });
    }
    return task;
  }

  private key(taskId: string, departmentId: string, period: string): string {
    return `${taskId}|${departmentId}|${period}`;
  }

  private entryRow(taskId: string, departmentId: string, period: string): Row | undefined {
    return this.db.live('progress_reports').find((r) => r.task_id === taskId && r.department_id === departmentId && r.period === period);
  }

  private entry(row: Row): Entry {
    const stamp = this.stamps.get(row.id);
    return {
      id: row.id,
      taskId: row.task_id as string,
      departmentId: row.department_id as string,
      period: row.period as string,
      status: row.status as TaskStatus,
      percent: (row.percent as number | null) ?? null,
      progressText: (row.progress_text as string) ?? '',
      problemsText: (row.problems_text as string) ?? '',
      nextStepsText: (row.next_steps_text as string) ?? '',
      workflowState: row.workflow_state as WorkflowState,
      reviewComment: (row.review_comment as string | null) ?? null,
      updatedAt: stamp?.at ?? null,
      updatedBy: stamp?.by || null,
      attachments: this.db
        .live('attachments')
        .filter((r) => r.owner_id === row.id)
        .map((r): Attachment => ({ id: r.id, fileName: r.file_name as string, mime: r.mime as string, size: r.size as number, sha256: r.sha256 as string })),
    };
  }

  private writeEntry(id: string, values: Record<string, unknown>): void {
    this.db.write('progress_reports', id, values);
    this.stamps.set(id, { at: this.db.now(), by: this.db.actor() });
  }

  private save(taskId: string, departmentId: string, period: string, fields: EntryFields, submit: boolean): Entry {
    this.requireLed(taskId, departmentId);
    const existing = this.entryRow(taskId, departmentId, period);
    if (existing?.workflow_state === 'approved') throw new Failure('LOCKED', LOCKED);
    const id = existing?.id ?? crypto.randomUUID();
    const state: WorkflowState = submit ? 'submitted' : existing?.workflow_state === 'returned' ? 'returned' : 'draft';
    this.writeEntry(id, {
      task_id: taskId,
      department_id: departmentId,
      period,
      status: fields.status,
      percent: fields.percent,
      progress_text: fields.progressText,
      problems_text: fields.problemsText,
      next_steps_text: fields.nextStepsText,
      workflow_state: state,
      review_comment: submit ? null : ((existing?.review_comment as string | null | undefined) ?? null),
    });
    this.drafts.delete(this.key(taskId, departmentId, period));
    return this.entry(this.db.row('progress_reports', id, '进展'));
  }

  private carryForward(departmentId: string, period: string, taskId: string | null) {
    this.db.row('departments', departmentId, '科室');
    const before = formatPeriod(previousPeriod(parsePeriod(period)));
    const tasks = taskId ? [this.requireLed(taskId, departmentId)] : this.departmentTasks(departmentId, parsePeriod(period));
    const result: { taskId: string; draft: DraftFields }[] = [];
    for (const task of tasks) {
      const previous = this.entryRow(task.id, departmentId, before);
      if (!previous) continue;
      // Carrying everything forward only fills what is empty: nothing saved or typed is replaced.
      if (taskId === null && (this.entryRow(task.id, departmentId, period) || this.drafts.has(this.key(task.id, departmentId, period)))) continue;
      const p = this.entry(previous);
      const draft: DraftFields = { status: p.status, percent: p.percent, progressText: p.progressText, problemsText: p.problemsText, nextStepsText: p.nextStepsText, savedAt: this.db.now() };
      this.drafts.set(this.key(task.id, departmentId, period), draft);
      result.push({ taskId: task.id, draft });
    }
    return result;
  }

  private addAttachment(taskId: string, departmentId: string, period: string, fileName: string, contentBase64: string): Attachment {
    this.requireLed(taskId, departmentId);
    let owner = this.entryRow(taskId, departmentId, period);
    if (owner?.workflow_state === 'approved') throw new Failure('LOCKED', LOCKED);
    const ext = fileName.split('.').pop()?.toLowerCase() ?? '';
    const mime = MIME[ext];
    const invalid = (message: string, field: string) => new Failure('INVALID_ARGUMENT', message, { [field]: message });
    if (!mime) throw invalid('只能上传 PDF、Word（.docx）、Excel（.xlsx）、JPG 或 PNG 格式的佐证材料', 'fileName');
    // Like the core, the content must be what the name says.
    const head = atob(contentBase64.slice(0, 1400));
    if (head.length === 0) throw invalid(`“${fileName}”是空文件，请检查后重新选择`, 'contentBase64');
    const looksRight = ext === 'pdf' ? head.includes('%PDF-') : ext === 'png' ? head.startsWith('\x89PNG') : ext === 'docx' || ext === 'xlsx' ? head.startsWith('PK\x03\x04') : head.startsWith('\xff\xd8\xff');
    if (!looksRight) throw invalid(`“${fileName}”的内容与扩展名不符，可能已损坏或改过扩展名`, 'contentBase64');
    if (!owner) {
      // Evidence may come before the text: the entry starts as a draft.
      const draft = this.drafts.get(this.key(taskId, departmentId, period));
      const id = crypto.randomUUID();
      this.writeEntry(id, {
        task_id: taskId,
        department_id: departmentId,
        period,
        status: draft?.status ?? '未启动',
        percent: draft?.percent ?? null,
        progress_text: '',
        problems_text: '',
        next_steps_text: '',
        workflow_state: 'draft',
        review_comment: null,
      });
      owner = this.db.row('progress_reports', id, '进展');
    }
    const id = crypto.randomUUID();
    const size = Math.floor((contentBase64.length * 3) / 4) - (contentBase64.endsWith('==') ? 2 : contentBase64.endsWith('=') ? 1 : 0);
    this.db.write('attachments', id, { owner_table: 'progress_reports', owner_id: owner.id, file_name: fileName, mime, size, sha256: String(contentBase64.length).padStart(64, '0') });
    this.files.set(id, contentBase64);
    return { id, fileName, mime, size, sha256: String(contentBase64.length).padStart(64, '0') };
  }

  // ---- sheets, lights, overview ----

  private planCovers(plan: Row, year: number): boolean {
    const from = (plan.year_from as number | null) ?? (plan.year_to as number | null);
    const to = (plan.year_to as number | null) ?? from;
    return from === null || (from <= year && year <= (to ?? year));
  }

  private departmentTasks(departmentId: string, period: Period): Task[] {
    const plans = this.db.live('plans').filter((p) => this.planCovers(p, period.year));
    const order = new Map(plans.map((p, i) => [p.id, i]));
    return this.db
      .live('tasks')
      .filter((t) => order.has(t.plan_id as string) && (t.lead_department_ids as string[]).includes(departmentId))
      .map((t) => this.db.task(t))
      .sort((x, y) => order.get(x.planId)! - order.get(y.planId)! || x.sortOrder - y.sortOrder);
  }

  private taskSpec(task: Task): TaskSpec {
    const plan = this.db.row('plans', task.planId, '计划');
    return { title: task.title, due: null, milestones: null, planYearFrom: (plan.year_from as number | null) ?? null, planYearTo: (plan.year_to as number | null) ?? null };
  }

  private today(): string {
    return this.db.now().slice(0, 10);
  }

  private light(task: Task, entry: Entry | null, period: string): Light {
    const p = parsePeriod(period);
    return taskLight(this.taskSpec(task), entry ? { status: entry.status, percent: entry.percent } : null, p, asOfDate(p, this.today()));
  }

  private sheetTask(task: Task, departmentId: string, period: string): SheetTask {
    const plan = this.db.row('plans', task.planId, '计划');
    const section = task.sectionId ? this.db.live('sections').find((s) => s.id === task.sectionId) : undefined;
    const current = this.entryRow(task.id, departmentId, period);
    const before = this.entryRow(task.id, departmentId, formatPeriod(previousPeriod(parsePeriod(period))));
    const entry = current ? this.entry(current) : null;
    return {
      id: task.id,
      planId: task.planId,
      planTitle: plan.title as string,
      sectionTitle: section ? [section.label, section.title].filter(Boolean).join(' ') : null,
      number: task.number,
      title: task.title,
      text: task.text,
      deadline: task.deadline,
      entry,
      previous: before ? this.entry(before) : null,
      draft: this.drafts.get(this.key(task.id, departmentId, period)) ?? null,
      light: this.light(task, entry, period),
    };
  }

  private sheet(period: string, departmentId: string) {
    const department = this.db.row('departments', departmentId, '科室');
    const p = parsePeriod(period);
    const tasks = this.departmentTasks(departmentId, p).map((task) => this.sheetTask(task, departmentId, period));
    const indicators = this.db
      .live('indicators')
      .filter((r) => r.department_id === departmentId && this.planCovers(this.db.row('plans', r.plan_id as string, '计划'), p.year))
      .map((r) => this.indicator(r));
    return { period, departmentId, departmentName: department.name as string, tasks, indicators };
  }

  private overview(period: string) {
    const p = parsePeriod(period);
    const late = Date.parse(`${periodEndDate(p)}T00:00:00Z`) + this.settings().reportGraceDays * 86_400_000 < Date.parse(this.db.now());
    return this.db
      .live('departments')
      .sort((x, y) => (x.sort_order as number) - (y.sort_order as number))
      .map((d) => {
        const tasks = this.departmentTasks(d.id, p);
        const states = tasks.map((t) => (this.entryRow(t.id, d.id, period)?.workflow_state as WorkflowState | undefined) ?? null);
        const count = (state: WorkflowState | null) => states.filter((s) => s === state).length;
        const missing = count(null);
        return {
          departmentId: d.id,
          departmentName: d.name as string,
          tasks: tasks.length,
          missing,
          draft: count('draft'),
          submitted: count('submitted'),
          returned: count('returned'),
          approved: count('approved'),
          late: late && missing + count('draft') + count('returned') > 0,
        };
      });
  }

  private taskDetail(taskId: string) {
    const task = this.db.task(this.db.row('tasks', taskId, '任务'));
    const { entry: _e, previous: _p, draft: _d, light: _l, ...rest } = this.sheetTask(task, '00000000-0000-4000-8000-000000000000', '2000-Q1');
    const names = new Map(this.db.live('departments').map((d) => [d.id, d.name as string]));
    const entries = this.db
      .live('progress_reports')
      .filter((r) => r.task_id === taskId)
      .map((r) => {
        const entry = this.entry(r);
        const written = this.stamps.get(r.id);
        const reviewed = entry.workflowState === 'approved' || entry.workflowState === 'returned' ? this.reviews.get(r.id) : undefined;
        return {
          ...entry,
          departmentName: names.get(entry.departmentId) ?? '已删除的科室',
          light: this.light(task, entry, entry.period),
          writtenBy: written?.by || null,
          writtenAt: written?.at ?? null,
          reviewedBy: reviewed?.by || null,
          reviewedAt: reviewed?.at ?? null,
        };
      });
    return { task: rest, entries };
  }

  /** A task's quarter by the one aggregation rule (the core's own function), on approved entries or also submitted ones. */
  private quarter(task: Task, period: string, includeSubmitted: boolean, departmentIds: readonly string[] = []): TaskQuarter {
    const p = parsePeriod(period);
    const names = new Map(this.db.live('departments').map((d) => [d.id, d.name as string]));
    const chosen = departmentIds.filter((id) => task.leadDepartmentIds.includes(id));
    const leads = chosen.length > 0 ? chosen : task.leadDepartmentIds;
    const inputs = leads.map((departmentId) => {
      const row = this.entryRow(task.id, departmentId, period);
      const entry = row ? this.entry(row) : null;
      return {
        departmentId,
        departmentName: names.get(departmentId) ?? '已删除的科室',
        entry: entry ? { status: entry.status, percent: entry.percent, workflow: entry.workflowState } : null,
      };
    });
    return aggregateTask(inputs, { task: this.taskSpec(task), period: p, asOf: asOfDate(p, this.today()), today: this.today(), settings: this.settings(), includeSubmitted });
  }

  private settings() {
    return { ...defaultStatusSettings, ...this.db.statusSettings() };
  }

  private periodTasks(period: string): Task[] {
    const year = parsePeriod(period).year;
    return this.db
      .live('tasks')
      .map((t) => this.db.task(t))
      .filter((t) => this.planCovers(this.db.row('plans', t.planId, '计划'), year));
  }

  private status(period: string, includeSubmitted: boolean) {
    const p = parsePeriod(period);
    const names = new Map(this.db.live('departments').map((d) => [d.id, d.name as string]));
    const quarters: TaskQuarter[] = [];
    const tasks = this.periodTasks(period).map((t) => {
      const q = this.quarter(t, period, includeSubmitted);
      quarters.push(q);
      return {
        taskId: t.id,
        planId: t.planId,
        number: t.number,
        title: t.title,
        departments: t.leadDepartmentIds.map((id) => names.get(id) ?? '已删除的科室'),
        state: q.state,
        partial: q.partial,
        missing: [...q.missing],
        late: [...q.late],
        returned: [...q.returned],
        awaitingReview: [...q.awaitingReview],
        light: q.light,
      };
    });
    const indicators = this.db.live('indicators').map((r) => {
      const row = this.indicator(r);
      const value = row.values[period]?.value ?? null;
      return { indicatorId: row.id, name: row.name, unit: row.unit, value, light: row.values[period]?.light ?? { color: 'grey' as const, reason: `${row.name}本期尚未填报` } };
    });
    const colors = indicators.map((i) => i.light.color);
    const indicatorCounts = {
      total: indicators.length,
      met: colors.filter((c) => c === 'green').length,
      close: colors.filter((c) => c === 'yellow').length,
      notMet: colors.filter((c) => c === 'red').length,
      noData: colors.filter((c) => c === 'grey').length,
    };
    return { period, asOf: asOfDate(p, this.today()), counts: countQuarter(quarters), indicatorCounts, tasks, indicators };
  }

  // ---- 任务台账 and 总览: a coarse stand-in so pages built on the fake render; the real numbers are tested against the core ----

  private ledgerRows(filter: LedgerFilter): (LedgerRow & { quarter: TaskQuarter })[] {
    const names = new Map(this.db.live('departments').map((d) => [d.id, d.name as string]));
    const includeSubmitted = filter.includeSubmitted ?? false;
    const states = filter.states ?? [];
    return this.periodTasks(filter.period)
      .filter((t) => filter.departmentIds.length === 0 || t.leadDepartmentIds.some((id) => filter.departmentIds.includes(id)))
      .map((t): LedgerRow & { quarter: TaskQuarter } => {
        const quarter = this.quarter(t, filter.period, includeSubmitted, filter.departmentIds);
        const deciding = quarter.deciding ? this.storedEntry(t.id, quarter.deciding.departmentId, filter.period) : null;
        const updated = t.leadDepartmentIds
          .map((id) => this.storedEntry(t.id, id, filter.period)?.updatedAt ?? null)
          .filter((at): at is string => at !== null)
          .sort()
          .at(-1);
        return {
          quarter,
          taskId: t.id,
          planId: t.planId,
          planTitle: this.db.plan(this.db.row('plans', t.planId, '计划')).title,
          sectionId: t.sectionId,
          sectionTitle: null,
          number: t.number,
          title: t.title,
          departments: t.leadDepartmentIds.map((id) => ({ id, name: names.get(id) ?? '已删除的科室' })),
          units: t.responsibleUnits,
          deadline: t.deadline,
          light: quarter.light,
          state: quarter.state,
          leads: quarter.leads.map((lead) => ({
            departmentId: lead.departmentId,
            name: lead.departmentName,
            kind: lead.kind,
            counted: lead.counted,
            awaitingReview: lead.awaitingReview,
            late: lead.late,
            state: lead.state,
            light: lead.light,
          })),
          partial: quarter.partial,
          status: deciding?.status ?? '未填报',
          percent: deciding?.percent ?? null,
          workflowState: deciding?.workflowState ?? null,
          updatedAt: updated ?? null,
          overdue: false,
          match: null,
        };
      })
      .filter((row) => filter.lights.length === 0 || filter.lights.includes(row.light.color))
      .filter(
        (row) =>
          states.length === 0 ||
          states.includes(row.state) ||
          (states.includes('部分科室未报') && row.partial) ||
          (states.includes('逾期未报') && row.quarter.late.length > 0),
      );
  }

  private ledger(query: LedgerFilter & { limit: number | null }): LedgerResult {
    const rows = this.ledgerRows(query).map(({ quarter: _quarter, ...row }) => row);
    return { complete: true, period: query.period, asOf: asOfDate(parsePeriod(query.period), this.today()), officeId: FAKE_OFFICE_ID, officeName: '', total: rows.length, rows, facets: { plans: [], departments: [], sections: [] } };
  }

  private summary(filter: LedgerFilter): DashboardSummary {
    const rows = this.ledgerRows(filter);
    const { total, ...counts } = countQuarter(rows.map((row) => row.quarter));
    return {
      period: filter.period,
      asOf: asOfDate(parsePeriod(filter.period), this.today()),
      officeId: FAKE_OFFICE_ID,
      officeName: '',
      cards: { tasks: total, ...counts, overdue: 0, indicatorsMet: 0, indicatorsClose: 0, indicatorsNotMet: 0, indicatorsNoData: 0 },
      byDepartment: [],
      bySection: [],
      byStatus: [],
      lagging: [],
    };
  }

  // ---- indicators ----

  private indicator(row: Row): IndicatorRow {
    const values: IndicatorRow['values'] = {};
    const base = {
      name: row.name as string,
      unit: row.unit as string,
      comparator: row.comparator as IndicatorRow['comparator'],
      value: (row.target_value as number | null) ?? 0,
      valueMax: (row.target_value_max as number | null) ?? null,
      baseline: (row.baseline_value as number | null) ?? null,
      accumulation: row.accumulation as IndicatorRow['accumulation'],
      pace: (row.pace as number[] | null) ?? null,
    };
    for (const v of this.db.live('indicator_values').filter((v) => v.indicator_id === row.id)) {
      const period = v.period as string;
      const light = indicatorLight(base, v.value as number, /Q/.test(period) ? parsePeriod(period) : null);
      values[period] = { value: v.value as number, note: (v.note as string | null) || null, light };
    }
    return {
      id: row.id,
      planId: row.plan_id as string,
      taskId: (row.task_id as string | null) ?? null,
      departmentId: (row.department_id as string | null) ?? null,
      name: base.name,
      unit: base.unit,
      comparator: base.comparator,
      targetValue: (row.target_value as number | null) ?? null,
      targetValueMax: base.valueMax,
      targetYear: (row.target_year as number | null) ?? null,
      baselineValue: base.baseline,
      baselineYear: (row.baseline_year as number | null) ?? null,
      valueKind: row.value_kind as IndicatorRow['valueKind'],
      accumulation: base.accumulation,
      pace: base.pace,
      values,
    };
  }

  private setValue(indicatorId: string, period: string, value: number, note: string) {
    const row = this.db.row('indicators', indicatorId, '指标');
    const problem = checkValue(row.value_kind as IndicatorRow['valueKind'], row.unit as string, value);
    if (problem) throw new Failure('INVALID_ARGUMENT', problem, { value: problem });
    const values = this.db.live('indicator_values').filter((v) => v.indicator_id === indicatorId);
    // The period just before (the core compares with it alone).
    const before = /Q/.test(period) ? formatPeriod(previousPeriod(parsePeriod(period))) : String(Number(period) - 1);
    const previous = (values.find((v) => v.period === before)?.value as number | undefined) ?? null;
    const existing = values.find((v) => v.period === period);
    this.db.write('indicator_values', existing?.id ?? crypto.randomUUID(), { indicator_id: indicatorId, office_id: null, period, value, note });
    return { indicator: this.indicator(row), warning: outlierWarning(previous, value) };
  }

  // ---- year end ----

  private carryOver(fromPlanId: string, toPlanId: string | null, taskIds: string[]) {
    const from = this.db.row('plans', fromPlanId, '计划');
    for (const id of taskIds) {
      const task = this.db.row('tasks', id, '任务');
      if (task.plan_id !== fromPlanId) throw new Failure('INVALID_ARGUMENT', '要结转的任务不属于该计划', { taskIds: '要结转的任务不属于该计划' });
    }
    let target = toPlanId;
    if (target) this.db.row('plans', target, '计划');
    else {
      target = crypto.randomUUID();
      const year = ((from.year_to as number | null) ?? (from.year_from as number | null) ?? 2025) + 1;
      const title = (from.title as string).replace(String(year - 1), String(year));
      this.db.write('plans', target, { kind: from.kind, title: title === from.title ? `${title}（结转）` : title, doc_number: null, issuer: from.issuer ?? null, issued_on: null, year_from: year, year_to: year });
    }
    const start = this.db.live('tasks').filter((t) => t.plan_id === target).length;
    taskIds.forEach((id, i) => {
      const t = this.db.row('tasks', id, '任务');
      this.db.write('tasks', crypto.randomUUID(), {
        plan_id: target,
        section_id: null,
        number: t.number,
        sort_order: start + i + 1,
        title: t.title,
        text: t.text,
        deadline: null,
        lead_department_ids: t.lead_department_ids,
        responsible_units: t.responsible_units,
        carried_from_task_id: id,
      });
    });
    return { planId: target, carried: taskIds.length };
  }
}
