import type { z } from 'zod';
import { contract, isCallName, type ApiResult, type CallArgs, type CallName, type CallResult, type LedgerApi, type LedgerEvent, errorMessages } from '../../shared/api';
import type { DirectoryEntry } from '../../shared/api/directory';
import type { HistoryEntry } from '../../shared/api/history';
import type { PlanSummary, Section, Task } from '../../shared/api/plans';
import type { OfficeSettings } from '../../shared/api/settings';
import type { SystemStatus } from '../../shared/api/system';
import type { ParsedDraft, ParsePreview, PlanDraft, ReviewState, SourceInfo } from '../../shared/api/imports';
import { parsePlan } from '../../shared/parse';
import { diffPlans, type ExistingTask, type RevisedTask, type TaskField } from '../../shared/parse/plan-diff';
import { normalizeWidth } from '../../shared/parse/width';
import { Failure, type Row } from './fake-failure';
import { FakeProgress, type IndicatorSeed } from './fake-progress';

/**
 * An in-memory LedgerApi for renderer tests. Every argument is checked with the real contract
 * schema (so a UI that sends a wrong shape fails like it would against the core), every result
 * with the contract's result schema, and every change is logged per field for history.record.
 */

interface LoggedChange {
  hlc: string;
  batch: string;
  table: string;
  id: string;
  column: string;
  oldValue: unknown;
  newValue: unknown;
  actor: string;
  at: string;
}

const nouns = { departments: '科室', units: '责任单位' } as const;

const canon = (text: string) => normalizeWidth(text).replace(/\s/g, '');

/** A stable stand-in for sha256: FNV-1a, 64 hex digits. */
function fakeHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0').repeat(8);
}

const LEGACY_MESSAGES: Record<string, string> = {
  doc: '这是旧版 Word 文档（.doc），无法直接读取。请用 WPS 或 Word 打开它，点“文件 → 另存为”，保存为 .docx 格式后再导入',
  wps: '这是 WPS 专用格式文件（.wps），无法直接读取。请用 WPS 打开它，点“文件 → 另存为”，文件类型选“Word 文件（*.docx）”，保存后再导入',
};

export interface FakeOptions {
  readonly initialized?: boolean;
  readonly officeName?: string;
  readonly clerkName?: string;
  /** This PC's department, by name (created on first use by the test). */
  readonly departmentName?: string;
}

export class FakeLedger implements LedgerApi {
  readonly calls: { name: string; args: unknown }[] = [];
  private listeners = new Set<(event: LedgerEvent) => void>();
  private initialized: boolean;
  private office = { name: '', code: null as string | null };
  private departmentName: string | null = null;
  private local = { clerkName: '', role: 'clerk' as OfficeSettings['role'] };
  private statusSettings: OfficeSettings['statusSettings'] = { closeTolerance: 0.05, paceTolerance: 0.1, dueSoonDays: 30, reportGraceDays: 10 };
  private tables = new Map<string, Map<string, Row>>();
  private log: LoggedChange[] = [];
  private clock = Date.UTC(2025, 2, 3, 1, 30);
  private counter = 0;
  /** While set, imports.parse waits for it (tests look at the page while a file is read). */
  private parseGate: Promise<void> | null = null;
  /** Draft task key → task id, per imported plan, so a re-import updates the same rows. */
  private importedTasks = new Map<string, Map<string, string>>();
  /** Each imported task's title as parsed (imports.save's `parsed`): a different title now is the clerk's, kept (本机已修改，保留). */
  private parsedTitles = new Map<string, string>();
  private departmentId: string | null = null;
  /** Unfinished import reviews by source hash (the core keeps them in its local drafts table). */
  private reviewDrafts = new Map<string, { preview: ParsePreview; state: ReviewState | null; savedAt: string }>();
  /** Quarterly reports, indicators and evidence: see fake-progress.ts. */
  private readonly progress = new FakeProgress({
    live: (table) => this.live(table),
    row: (table, id, noun) => this.row(table, id, noun),
    write: (table, id, values) => this.write(table, id, values),
    task: (row) => this.task(row),
    plan: (row) => this.plan(row),
    now: () => new Date(this.clock).toISOString(),
    actor: () => this.local.clerkName,
    role: () => this.local.role,
    statusSettings: () => this.statusSettings,
  });

  constructor(options: FakeOptions = {}) {
    this.initialized = options.initialized ?? true;
    if (this.initialized) this.office.name = options.officeName ?? '渝北区卫生健康委';
    this.local.clerkName = options.clerkName ?? '';
    this.departmentName = options.departmentName ?? null;
  }

  // ---- LedgerApi ----

  async invoke<N extends CallName>(name: N, args: CallArgs<N>): Promise<ApiResult<CallResult<N>>> {
    this.calls.push({ name, args });
    this.clock += 60_000;
    if (!isCallName(name)) return { ok: false, error: { code: 'UNKNOWN_CALL', message: errorMessages.UNKNOWN_CALL } };
    const spec = contract[name];
    const parsed = spec.args.safeParse(args ?? {});
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[issue.path.map(String).join('.') || '_'] ??= issue.message;
      return { ok: false, error: { code: 'INVALID_ARGUMENT', message: Object.values(fields)[0] ?? errorMessages.INVALID_ARGUMENT, fields } };
    }
    if (!this.initialized && !['system.status', 'system.init'].includes(name)) {
      return { ok: false, error: { code: 'NOT_INITIALIZED', message: errorMessages.NOT_INITIALIZED } };
    }
    if (name === 'imports.parse' && this.parseGate) {
      this.emit({ type: 'progress', call: 'imports.parse', jobId: 'fake-parse', label: '正在读取文件', done: 1, total: 4 });
      await this.parseGate;
    }
    try {
      const value = this.handle(name, parsed.data as Record<string, unknown>);
      // The fake must answer in the contract's shape too.
      (spec.result as z.ZodType).parse(value);
      return { ok: true, value: value as CallResult<N> };
    } catch (error) {
      if (error instanceof Failure) {
        return { ok: false, error: error.fields ? { code: error.code, message: error.message, fields: error.fields } : { code: error.code, message: error.message } };
      }
      throw error;
    }
  }

  onEvent(listener: (event: LedgerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- test helpers ----

  emit(event: LedgerEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  callsNamed(name: CallName): unknown[] {
    return this.calls.filter((call) => call.name === name).map((call) => call.args);
  }

  /** Run a call as if from another window, and tell listeners what changed. */
  async act<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> {
    const result = await this.invoke(name, args);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
    return result.value;
  }

  setClerk(name: string): void {
    this.local.clerkName = name;
  }

  /** Hold imports.parse until the returned function is called. */
  holdParse(): () => void {
    let release = () => {};
    this.parseGate = new Promise<void>((resolve) => {
      release = () => {
        this.parseGate = null;
        resolve();
      };
    });
    return release;
  }

  /** The tasks of a plan as stored, for assertions. */
  planTasks(planId: string): Task[] {
    return this.live('tasks')
      .filter((t) => t.plan_id === planId)
      .map((t) => this.task(t))
      .sort((x, y) => x.sortOrder - y.sortOrder);
  }

  /** Make a department this PC's own, as system.init with 科室名称 would. */
  setOwnDepartment(id: string, name: string): void {
    this.departmentId = id;
    this.departmentName = name;
  }

  /** Indicators come from imports in the core; tests place them directly. */
  addIndicator(seed: IndicatorSeed): string {
    return this.progress.addIndicator(seed);
  }

  /** A progress entry as stored, for assertions. */
  storedEntry(taskId: string, departmentId: string, period: string) {
    return this.progress.storedEntry(taskId, departmentId, period);
  }

  /** Move the fake's clock (lights and 催办 depend on today). */
  setToday(iso: string): void {
    this.clock = Date.parse(iso);
  }

  departmentNamed(name: string): DirectoryEntry | undefined {
    const row = this.live('departments').find((d) => d.name === name);
    return row ? this.entry(row) : undefined;
  }

  // ---- storage ----

  private table(name: string): Map<string, Row> {
    let table = this.tables.get(name);
    if (!table) {
      table = new Map();
      this.tables.set(name, table);
    }
    return table;
  }

  private live(name: string): Row[] {
    return [...this.table(name).values()].filter((row) => !row.deleted);
  }

  private row(name: string, id: string, noun: string): Row {
    const row = this.table(name).get(id);
    if (!row || row.deleted) throw new Failure('NOT_FOUND', `找不到该${noun}，可能已被删除`);
    return row;
  }

  /** Fields of one call are a millisecond apart; calls are a minute apart. */
  private nextHlc(): { hlc: string; at: string } {
    this.clock += 1;
    this.counter += 1;
    return { hlc: `${String(this.clock).padStart(13, '0')}-${this.counter.toString(16).padStart(6, '0')}-fake`, at: new Date(this.clock).toISOString() };
  }

  private write(table: string, id: string, values: Record<string, unknown>): void {
    const rows = this.table(table);
    const existing = rows.get(id);
    const row: Row = existing ?? { id, deleted: false };
    let batch: string | null = null;
    for (const [column, value] of Object.entries(values)) {
      const old = existing ? (row[column] ?? null) : null;
      if (existing && JSON.stringify(old) === JSON.stringify(value)) continue;
      row[column] = value;
      const { hlc, at } = this.nextHlc();
      batch ??= hlc;
      this.log.push({ hlc, batch, table, id, column, oldValue: old, newValue: value, actor: this.local.clerkName, at });
    }
    rows.set(id, row);
    queueMicrotask(() => this.emit({ type: 'changed', tables: [table] }));
  }

  private status(): SystemStatus {
    return {
      initialized: this.initialized,
      installation: this.initialized
        ? {
            installationId: '11111111-1111-4111-8111-111111111111',
            officeId: '22222222-2222-4222-8222-222222222222',
            officeName: this.office.name,
            officeCode: this.office.code,
            departmentId: this.departmentId,
            departmentName: this.departmentName,
            fingerprint: 'K7QF-3M9X-PD2A',
          }
        : null,
      schemaVersion: 1,
      appVersion: '0.1.0',
      databasePath: '/tmp/fake.sqlite',
    };
  }

  private settings(): OfficeSettings {
    return { officeName: this.office.name, officeCode: this.office.code, clerkName: this.local.clerkName, role: this.local.role, statusSettings: { ...this.statusSettings } };
  }

  private entry(row: Row): DirectoryEntry {
    return { id: row.id, name: row.name as string, aliases: row.aliases as string[], sortOrder: row.sort_order as number };
  }

  private assertNamesFree(table: 'departments' | 'units', names: string[], exceptId: string | null): void {
    const taken = new Map<string, string>();
    for (const row of this.live(table)) {
      if (row.id === exceptId) continue;
      for (const name of [row.name as string, ...(row.aliases as string[])]) taken.set(name, row.name as string);
    }
    for (const name of names) {
      const owner = taken.get(name);
      if (owner !== undefined) {
        const detail = owner === name ? `已存在名为“${name}”的${nouns[table]}` : `“${name}”已是${nouns[table]}“${owner}”的别名`;
        throw new Failure('DUPLICATE', detail, { name: detail });
      }
    }
  }

  private plan(row: Row): PlanSummary {
    return {
      id: row.id,
      kind: row.kind as PlanSummary['kind'],
      title: row.title as string,
      docNumber: (row.doc_number as string | null) ?? null,
      issuer: (row.issuer as string | null) ?? null,
      issuedOn: (row.issued_on as string | null) ?? null,
      yearFrom: (row.year_from as number | null) ?? null,
      yearTo: (row.year_to as number | null) ?? null,
      taskCount: this.live('tasks').filter((t) => t.plan_id === row.id).length,
    };
  }

  private section(row: Row): Section {
    return {
      id: row.id,
      planId: row.plan_id as string,
      parentId: (row.parent_id as string | null) ?? null,
      label: row.label as string,
      title: row.title as string,
      sortOrder: row.sort_order as number,
    };
  }

  private task(row: Row): Task {
    return {
      id: row.id,
      planId: row.plan_id as string,
      sectionId: (row.section_id as string | null) ?? null,
      number: row.number as string,
      sortOrder: row.sort_order as number,
      title: row.title as string,
      text: row.text as string,
      deadline: (row.deadline as string | null) ?? null,
      leadDepartmentIds: row.lead_department_ids as string[],
      responsibleUnits: row.responsible_units as string[],
      milestones: [...((row.milestones as { period: string; text: string; percent?: number | null }[] | null | undefined) ?? [])]
        .map((m) => ({ period: m.period, text: m.text, percent: m.percent ?? null }))
        .sort((x, y) => (x.period < y.period ? -1 : 1)),
    };
  }

  private assertDepartments(ids: unknown): void {
    if (!Array.isArray(ids)) return;
    for (const id of ids) {
      const row = this.table('departments').get(id as string);
      if (!row || row.deleted) throw new Failure('INVALID_ARGUMENT', '所选牵头科室不存在', { leadDepartmentIds: '所选牵头科室不存在' });
    }
  }

  private defined(values: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  }

  private handle(name: CallName, a: Record<string, unknown>): unknown {
    switch (name) {
      case 'system.status':
        return this.status();
      case 'system.init': {
        if (this.initialized) throw new Failure('ALREADY_INITIALIZED');
        this.initialized = true;
        this.office = { name: a.officeName as string, code: (a.officeCode as string | undefined) || null };
        this.departmentName = (a.departmentName as string | undefined) || null;
        if (a.pcRole) this.local.role = a.pcRole === 'office' ? 'reviewer' : 'clerk';
        // A department PC's own record, as the core writes it at setup.
        if (this.departmentName) {
          this.departmentId = crypto.randomUUID();
          this.write('departments', this.departmentId, { name: this.departmentName, aliases: [], sort_order: 1 });
        }
        return this.status();
      }
      case 'settings.get':
        return this.settings();
      case 'settings.update': {
        if (a.clerkName !== undefined) this.local.clerkName = a.clerkName as string;
        if (a.role !== undefined) this.local.role = a.role as OfficeSettings['role'];
        if (a.officeName !== undefined) this.office.name = a.officeName as string;
        if (a.officeCode !== undefined) this.office.code = (a.officeCode as string | null) || null;
        if (a.statusSettings !== undefined) this.statusSettings = { ...this.statusSettings, ...(a.statusSettings as Partial<OfficeSettings['statusSettings']>) };
        return this.settings();
      }
      case 'departments.list':
      case 'units.list': {
        const table = name.split('.')[0] as 'departments' | 'units';
        return this.live(table)
          .sort((x, y) => (x.sort_order as number) - (y.sort_order as number))
          .map((row) => this.entry(row));
      }
      case 'departments.create':
      case 'units.create': {
        const table = name.split('.')[0] as 'departments' | 'units';
        const aliases = (a.aliases as string[]).filter((alias) => alias !== a.name);
        this.assertNamesFree(table, [a.name as string, ...aliases], null);
        const id = crypto.randomUUID();
        this.write(table, id, { name: a.name, aliases, sort_order: this.live(table).length + 1 });
        return this.entry(this.row(table, id, nouns[table]));
      }
      case 'departments.update':
      case 'units.update': {
        const table = name.split('.')[0] as 'departments' | 'units';
        const current = this.row(table, a.id as string, nouns[table]);
        const newName = (a.name as string | undefined) ?? (current.name as string);
        const aliases = ((a.aliases as string[] | undefined) ?? (current.aliases as string[])).filter((alias) => alias !== newName);
        this.assertNamesFree(table, [newName, ...aliases], current.id);
        this.write(table, current.id, { name: newName, aliases });
        return this.entry(current);
      }
      case 'departments.delete':
      case 'units.delete': {
        const table = name.split('.')[0] as 'departments' | 'units';
        this.row(table, a.id as string, nouns[table]);
        this.write(table, a.id as string, { deleted: true });
        return null;
      }
      case 'plans.list':
        return this.live('plans').map((row) => this.plan(row));
      case 'plans.get': {
        const plan = this.row('plans', a.id as string, '计划');
        return {
          plan: this.plan(plan),
          sections: this.live('sections')
            .filter((s) => s.plan_id === plan.id)
            .map((s) => this.section(s))
            .sort((x, y) => x.sortOrder - y.sortOrder),
          tasks: this.live('tasks')
            .filter((t) => t.plan_id === plan.id)
            .map((t) => this.task(t))
            .sort((x, y) => x.sortOrder - y.sortOrder),
        };
      }
      case 'plans.create': {
        const id = crypto.randomUUID();
        this.write('plans', id, {
          kind: a.kind,
          title: a.title,
          doc_number: a.docNumber || null,
          issuer: a.issuer || null,
          issued_on: a.issuedOn,
          year_from: a.yearFrom,
          year_to: a.yearTo,
        });
        return this.plan(this.row('plans', id, '计划'));
      }
      case 'plans.update': {
        const row = this.row('plans', a.id as string, '计划');
        this.write(
          'plans',
          row.id,
          this.defined({ kind: a.kind, title: a.title, doc_number: a.docNumber, issuer: a.issuer, issued_on: a.issuedOn, year_from: a.yearFrom, year_to: a.yearTo }),
        );
        return this.plan(row);
      }
      case 'plans.delete': {
        this.row('plans', a.id as string, '计划');
        for (const t of this.live('tasks').filter((t) => t.plan_id === a.id)) this.write('tasks', t.id, { deleted: true });
        for (const s of this.live('sections').filter((s) => s.plan_id === a.id)) this.write('sections', s.id, { deleted: true });
        this.write('plans', a.id as string, { deleted: true });
        return null;
      }
      case 'sections.create': {
        this.row('plans', a.planId as string, '计划');
        const id = crypto.randomUUID();
        const order = this.live('sections').filter((s) => s.plan_id === a.planId).length + 1;
        this.write('sections', id, { plan_id: a.planId, parent_id: a.parentId, label: a.label, title: a.title, sort_order: order });
        return this.section(this.row('sections', id, '章节'));
      }
      case 'sections.update': {
        const row = this.row('sections', a.id as string, '章节');
        this.write('sections', row.id, this.defined({ parent_id: a.parentId, label: a.label, title: a.title }));
        return this.section(row);
      }
      case 'sections.delete': {
        this.row('sections', a.id as string, '章节');
        for (const t of this.live('tasks').filter((t) => t.section_id === a.id)) this.write('tasks', t.id, { section_id: null });
        this.write('sections', a.id as string, { deleted: true });
        return null;
      }
      case 'tasks.create': {
        this.row('plans', a.planId as string, '计划');
        this.assertDepartments(a.leadDepartmentIds);
        const id = crypto.randomUUID();
        const order = this.live('tasks').filter((t) => t.plan_id === a.planId).length + 1;
        this.write('tasks', id, {
          plan_id: a.planId,
          section_id: a.sectionId,
          number: a.number,
          sort_order: order,
          title: a.title,
          text: a.text,
          deadline: a.deadline,
          lead_department_ids: a.leadDepartmentIds,
          responsible_units: a.responsibleUnits,
          milestones: a.milestones,
        });
        return this.task(this.row('tasks', id, '任务'));
      }
      case 'tasks.update': {
        const row = this.row('tasks', a.id as string, '任务');
        this.assertDepartments(a.leadDepartmentIds);
        this.write(
          'tasks',
          row.id,
          this.defined({
            section_id: a.sectionId,
            number: a.number,
            title: a.title,
            text: a.text,
            deadline: a.deadline,
            lead_department_ids: a.leadDepartmentIds,
            responsible_units: a.responsibleUnits,
            milestones: a.milestones,
          }),
        );
        return this.task(row);
      }
      case 'tasks.delete': {
        this.row('tasks', a.id as string, '任务');
        this.write('tasks', a.id as string, { deleted: true });
        return null;
      }
      case 'history.record':
        return this.log
          .filter((change) => change.table === a.table && change.id === a.id)
          .map(
            (change): HistoryEntry => ({
              hlc: change.hlc,
              batch: change.batch,
              at: change.at,
              actor: change.actor,
              officeName: this.office.name,
              via: null,
              column: change.column,
              oldValue: change.oldValue,
              newValue: change.newValue,
            }),
          );
      case 'imports.cancelParse':
        return { cancelled: this.parseGate ? 1 : 0 };
      case 'imports.parse':
        return this.parsePreview(a as { fileName: string; contentBase64: string } | { pastedText: string });
      case 'imports.diff': {
        this.row('plans', a.planId as string, '计划');
        return this.diff(a.planId as string, a.draft as PlanDraft);
      }
      case 'imports.saveReviewDraft': {
        const source = a.source as SourceInfo;
        const known = this.reviewDrafts.get(source.sha256);
        const preview = (a.preview as ParsePreview | null) ?? known?.preview;
        if (!preview) throw new Failure('NOT_FOUND', '本机没有这份导入核对的识别结果，请连同识别结果一起保存');
        const savedAt = new Date(this.clock).toISOString();
        // Newest last, as the core lists them newest first.
        this.reviewDrafts.delete(source.sha256);
        this.reviewDrafts.set(source.sha256, { preview, state: a.state as ReviewState, savedAt });
        return { id: source.sha256, savedAt };
      }
      case 'imports.reviewDrafts':
        return [...this.reviewDrafts.entries()].reverse().map(([id, d]) => ({
          id,
          fileName: d.preview.source.fileName,
          format: d.preview.source.format,
          title: d.state?.draft.title ?? '',
          tasks: d.state?.draft.tasks.length ?? 0,
          savedAt: d.savedAt,
        }));
      case 'imports.openReviewDraft': {
        const d = this.reviewDrafts.get(a.id as string);
        if (!d?.state) throw new Failure('NOT_FOUND', '这份未完成的导入核对已不在本机（可能已保存或放弃）');
        return { preview: d.preview, state: d.state, savedAt: d.savedAt };
      }
      case 'imports.discardReviewDraft':
        this.reviewDrafts.delete(a.id as string);
        return null;
      case 'imports.save':
        this.reviewDrafts.delete((a.source as SourceInfo).sha256);
        return this.saveImport(a as { draft: PlanDraft; source: SourceInfo; owners: ({ name: string; action: 'map'; departmentId: string } | { name: string; action: 'create' })[]; planId: string | null; acceptedChanges: string[] | null; parsed?: ParsedDraft | null });
      default:
        if (this.progress.handles(name)) return this.progress.handle(name, a);
        throw new Failure('UNKNOWN_CALL', `测试替身未实现：${name}`);
    }
  }

  // ---- plan import (the real parser; owners, re-import and revisions as the core does them) ----

  private departmentLookup(): Map<string, Row> {
    const lookup = new Map<string, Row>();
    for (const row of this.live('departments')) for (const name of [row.name as string, ...(row.aliases as string[])]) lookup.set(canon(name), row);
    return lookup;
  }

  private readText(args: { fileName: string; contentBase64: string } | { pastedText: string }): { text: string; fileName: string; format: SourceInfo['format']; size: number } {
    if ('pastedText' in args) return { text: args.pastedText, fileName: '粘贴的文字', format: 'paste', size: new TextEncoder().encode(args.pastedText).length };
    const ext = args.fileName.split('.').pop()?.toLowerCase() ?? '';
    const fail = (message: string) => new Failure('INVALID_ARGUMENT', message, { file: message });
    // Like the core, a refusal names the file.
    if (LEGACY_MESSAGES[ext]) throw fail(`文件“${args.fileName}”无法导入：${LEGACY_MESSAGES[ext]}`);
    if (ext !== 'txt') throw fail(`文件“${args.fileName}”无法导入：测试替身只能读取 .txt 文件`);
    const bytes = Uint8Array.from(atob(args.contentBase64), (c) => c.charCodeAt(0));
    return { text: new TextDecoder('utf-8').decode(bytes), fileName: args.fileName, format: 'txt', size: bytes.length };
  }

  private parsePreview(args: { fileName: string; contentBase64: string } | { pastedText: string }): ParsePreview {
    const read = this.readText(args);
    const parse = parsePlan({ text: read.text, fileName: read.fileName });
    const contentHash = fakeHash(parse.normalizedText);
    const lookup = this.departmentLookup();
    const owners = [...new Set(parse.tasks.flatMap((t) => t.leadDepartments))].map((name) => {
      const match = lookup.get(canon(name));
      return { name, departmentId: match?.id ?? null, departmentName: (match?.name as string | undefined) ?? null };
    });
    const plans = this.live('plans');
    const same = plans.find((p) => p.content_hash === contentHash);
    const revised = plans.find((p) => (parse.docNumber && p.doc_number && canon(p.doc_number as string) === canon(parse.docNumber)) || (parse.title && canon(p.title as string) === canon(parse.title)));
    const existing = same ? { planId: same.id, title: same.title as string, sameContent: true } : revised ? { planId: revised.id, title: revised.title as string, sameContent: false } : null;
    return {
      parse,
      source: { fileName: read.fileName, format: read.format, sha256: fakeHash(read.text), contentHash, size: read.size, encoding: null },
      owners,
      existing,
      localEdits: existing
        ? this.storedTasks(existing.planId)
            .filter((t) => t.edited?.has('title'))
            .map((t) => ({ kind: 'task' as const, draftKey: parse.tasks.find((p) => p.title === t.baseTitle)?.key ?? null, number: t.number, name: t.title, fields: ['任务名称'] }))
        : [],
    };
  }

  private storedTasks(planId: string): ExistingTask[] {
    const sections = new Map(this.live('sections').map((s) => [s.id, s.title as string]));
    return this.planTasks(planId).map((t) => ({
      id: t.id,
      number: t.number,
      title: t.title,
      text: t.text,
      sectionTitle: t.sectionId ? (sections.get(t.sectionId) ?? null) : null,
      leadKeys: t.leadDepartmentIds,
      ...this.titleEdit(t.id, t.title),
    }));
  }

  private titleEdit(id: string, title: string): { baseTitle: string | null; edited: Set<TaskField> } {
    const parsed = this.parsedTitles.get(id);
    const renamed = parsed !== undefined && parsed !== title;
    return { baseTitle: renamed ? parsed : null, edited: new Set<TaskField>(renamed ? ['title'] : []) };
  }

  private revisedTasks(draft: PlanDraft): RevisedTask[] {
    const lookup = this.departmentLookup();
    const sectionTitle = new Map(draft.sections.map((s) => [s.key, s.title]));
    return draft.tasks.map((t) => ({
      key: t.key,
      number: t.number,
      title: t.title,
      text: t.text,
      sectionTitle: t.sectionKey ? (sectionTitle.get(t.sectionKey) ?? null) : null,
      leadKeys: t.leadDepartments.map((name) => lookup.get(canon(name))?.id ?? `new:${name}`),
    }));
  }

  private diff(planId: string, draft: PlanDraft) {
    const names = new Map(this.live('departments').map((d) => [d.id, d.name as string]));
    const label = (keys: string | null) => (keys === null ? null : keys.split('、').filter(Boolean).map((k) => names.get(k) ?? k.replace(/^new:/, '')).join('、'));
    return diffPlans(this.storedTasks(planId), this.revisedTasks(draft)).map((c) => (c.kind === 'owners' ? { ...c, before: label(c.before), after: label(c.after) } : c));
  }

  private resolveOwners(draft: PlanDraft, decisions: ({ name: string; action: 'map'; departmentId: string } | { name: string; action: 'create'; departmentName?: string })[]): { ids: Map<string, string>; created: string[] } {
    const lookup = this.departmentLookup();
    const byName = new Map(decisions.map((d) => [canon(d.name), d]));
    const ids = new Map<string, string>();
    const created: string[] = [];
    const missing: string[] = [];
    for (const name of new Set(draft.tasks.flatMap((t) => t.leadDepartments))) {
      const known = lookup.get(canon(name));
      const decision = byName.get(canon(name));
      if (known) ids.set(name, known.id);
      else if (!decision) missing.push(name);
      else if (decision.action === 'map') {
        // Like the core: the printed name becomes an alias of the department it was mapped to.
        const department = this.row('departments', decision.departmentId, '科室');
        const aliases = department.aliases as string[];
        if (department.name !== name && !aliases.includes(name)) this.write('departments', department.id, { aliases: [...aliases, name] });
        ids.set(name, department.id);
      }
      else {
        // Like the core: a row may join the department another row creates, its printed name an alias.
        const newName = decision.departmentName ?? name;
        const alias = canon(newName) === canon(name) ? [] : [name];
        const same = lookup.get(canon(newName));
        if (same) {
          const aliases = same.aliases as string[];
          if (alias.length > 0 && !aliases.includes(name)) this.write('departments', same.id, { aliases: [...aliases, name] });
          lookup.set(canon(name), same);
          ids.set(name, same.id);
          continue;
        }
        const id = crypto.randomUUID();
        this.write('departments', id, { name: newName, aliases: alias, sort_order: this.live('departments').length + 1 });
        lookup.set(canon(newName), this.row('departments', id, '科室'));
        lookup.set(canon(name), this.row('departments', id, '科室'));
        ids.set(name, id);
        created.push(newName);
      }
    }
    if (missing.length > 0) {
      const message = `以下牵头科室还没有对应到本单位的科室：${missing.join('、')}。请选择“对应到已有科室”或“新建科室”。`;
      throw new Failure('INVALID_ARGUMENT', message, { owners: missing.join('、') });
    }
    return { ids, created };
  }

  private saveImport(a: { draft: PlanDraft; source: SourceInfo; owners: ({ name: string; action: 'map'; departmentId: string } | { name: string; action: 'create'; departmentName?: string })[]; planId: string | null; acceptedChanges: string[] | null; parsed?: ParsedDraft | null }) {
    const { draft, source } = a;
    const keys = new Set<string>();
    for (const task of draft.tasks) {
      if (keys.has(task.key)) throw new Failure('INVALID_ARGUMENT', `任务编号重复：${task.key}`);
      keys.add(task.key);
    }
    for (const target of draft.targets) {
      if (target.taskKey !== null && !keys.has(target.taskKey)) throw new Failure('INVALID_ARGUMENT', `指标“${target.metric}”所属的任务不存在`);
    }
    if (a.planId) this.row('plans', a.planId, '计划');
    const { ids: owners, created } = this.resolveOwners(draft, a.owners);
    const planId = a.planId ?? crypto.randomUUID();
    this.write('plans', planId, {
      kind: draft.kind,
      title: draft.title,
      doc_number: draft.docNumber || null,
      issuer: draft.issuer || null,
      issued_on: draft.issuedOn,
      year_from: draft.yearFrom,
      year_to: draft.yearTo,
      content_hash: source.contentHash,
    });
    const sectionIds = new Map<string, string>();
    const existingSections = this.live('sections').filter((s) => s.plan_id === planId);
    draft.sections.forEach((section, index) => {
      const id = existingSections.find((s) => canon(s.title as string) === canon(section.title))?.id ?? crypto.randomUUID();
      sectionIds.set(section.key, id);
      this.write('sections', id, { plan_id: planId, parent_id: section.parentKey ? (sectionIds.get(section.parentKey) ?? null) : null, label: section.label, title: section.title, sort_order: index + 1 });
    });
    const leadIds = (task: PlanDraft['tasks'][number]) => [...new Set(task.leadDepartments.map((n) => owners.get(n)).filter((id): id is string => Boolean(id)))];
    const values = (task: PlanDraft['tasks'][number], index: number) => ({
      plan_id: planId,
      section_id: task.sectionKey ? (sectionIds.get(task.sectionKey) ?? null) : null,
      number: task.number,
      sort_order: index + 1,
      title: task.title,
      text: task.text,
      deadline: task.deadline || null,
      lead_department_ids: leadIds(task),
      responsible_units: task.responsibleUnits,
    });
    if (a.planId && a.acceptedChanges !== null) {
      const accepted = new Set(a.acceptedChanges);
      const index = new Map(draft.tasks.map((t, i) => [t.key, { task: t, i }]));
      for (const change of this.diff(planId, draft)) {
        if (!accepted.has(change.id)) continue;
        const draftTask = change.draftKey ? index.get(change.draftKey) : undefined;
        if (change.kind === 'removed' && change.taskId) this.write('tasks', change.taskId, { deleted: true });
        if (change.kind === 'added' && draftTask) this.write('tasks', crypto.randomUUID(), values(draftTask.task, draftTask.i));
        if (change.kind === 'reworded' && change.taskId && draftTask) this.write('tasks', change.taskId, { number: draftTask.task.number, title: draftTask.task.title, text: draftTask.task.text });
        if (change.kind === 'owners' && change.taskId && draftTask) this.write('tasks', change.taskId, { lead_department_ids: leadIds(draftTask.task) });
        if (change.kind === 'moved' && change.taskId && draftTask) this.write('tasks', change.taskId, { section_id: values(draftTask.task, draftTask.i).section_id });
      }
    } else {
      const known = this.importedTasks.get(planId) ?? new Map<string, string>();
      const keep = new Set<string>();
      draft.tasks.forEach((task, i) => {
        const id = known.get(task.key) ?? crypto.randomUUID();
        known.set(task.key, id);
        keep.add(id);
        this.write('tasks', id, values(task, i));
        this.parsedTitles.set(id, a.parsed?.tasks.find((p) => p.key === task.key)?.title ?? task.title);
      });
      this.importedTasks.set(planId, known);
      for (const t of this.live('tasks').filter((t) => t.plan_id === planId && !keep.has(t.id))) this.write('tasks', t.id, { deleted: true });
    }
    for (const s of existingSections) if (![...sectionIds.values()].includes(s.id)) this.write('sections', s.id, { deleted: true });
    return { planId, tasks: draft.tasks.length, targets: draft.targets.length, createdDepartments: created, updated: a.planId !== null };
  }
}
