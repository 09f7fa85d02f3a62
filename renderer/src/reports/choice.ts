import type { LedgerFilterInput, LedgerResult } from '../../../shared/api/ledger';
import { formatsOfKind, type ReportFormat, type ReportKind } from '../../../shared/api/reports';
import { parsePeriod, periodLabel } from '../../../shared/domain/period';
import { reportBaseName } from '../../../shared/reports/file-name';

/*
 * What the clerk picked on the 报表 page, and how it becomes the contract's scope and the file
 * name shown before the file is made. Pure: the page and the store share it, tests call it.
 */

export type ScopeMode = 'all' | 'departments' | 'sections';

export interface ReportChoice {
  readonly kind: ReportKind;
  readonly format: ReportFormat;
  /** null: the quarter the app is looking at (the view filter's). */
  readonly period: string | null;
  /** Empty: every plan covering the quarter. */
  readonly planIds: readonly string[];
  readonly scopeMode: ScopeMode;
  readonly departmentIds: readonly string[];
  readonly sectionIds: readonly string[];
  /** 台账 Excel: one sheet per lead department after the full sheet. */
  readonly sheetPerDepartment: boolean;
  /** The Word reports' 落款 date as typed (YYYY-MM-DD); null: today. */
  readonly date: string | null;
}

export const defaultReportChoice: ReportChoice = {
  kind: 'ledger',
  format: 'xlsx',
  period: null,
  planIds: [],
  scopeMode: 'all',
  departmentIds: [],
  sectionIds: [],
  sheetPerDepartment: false,
  date: null,
};

/** Whether the report has a 落款 whose date the clerk chooses: the Word 情况报告 and 催办通知. */
export const hasReportDate = (choice: Pick<ReportChoice, 'kind' | 'format'>): boolean => choice.format === 'docx';

/** The quarter's choices for plans, departments and sections (ledger.query's facets). */
export type ReportFacets = Pick<LedgerResult, 'period' | 'officeId' | 'officeName' | 'total' | 'facets'>;

/** The choice after a change: the format stays one the kind comes in, sections stay within the chosen plans. */
export function nextChoice(choice: ReportChoice, patch: Partial<ReportChoice>, facets: ReportFacets | null): ReportChoice {
  const next = { ...choice, ...patch };
  const formats = formatsOfKind[next.kind];
  const format = formats.includes(next.format) ? next.format : (formats[0] ?? 'xlsx');
  return { ...next, format, sectionIds: sectionsWithinPlans(next.sectionIds, next.planIds, facets) };
}

function sectionsWithinPlans(sectionIds: readonly string[], planIds: readonly string[], facets: ReportFacets | null): readonly string[] {
  if (!facets || planIds.length === 0) return sectionIds;
  const planOf = new Map(facets.facets.sections.map((s) => [s.id, s.planId]));
  return sectionIds.filter((id) => {
    const plan = planOf.get(id);
    return plan === undefined || planIds.includes(plan);
  });
}

/** Only ids the quarter still has (a department or section picked for another quarter is dropped). */
function known(ids: readonly string[], facets: ReportFacets | null, list: (f: ReportFacets) => readonly { id: string }[]): string[] {
  if (!facets) return [...ids];
  const present = new Set(list(facets).map((entry) => entry.id));
  return ids.filter((id) => present.has(id));
}

/** The report's scope: the ledger filter for the quarter (approved entries, or also submitted ones), narrowed to the plans and the departments or sections chosen. */
export function scopeOfChoice(choice: ReportChoice, period: string, officeId: string | null, facets: ReportFacets | null, includeSubmitted = false): LedgerFilterInput {
  const usable = facets && facets.period === period ? facets : null;
  return {
    period,
    officeId,
    // 含待审核: the view filter's basis (shared with 总览 and 任务台账); submitted entries are marked 待审核.
    includeSubmitted,
    planIds: known(choice.planIds, usable, (f) => f.facets.plans),
    departmentIds: choice.scopeMode === 'departments' ? known(choice.departmentIds, usable, (f) => f.facets.departments) : [],
    sectionIds: choice.scopeMode === 'sections' ? known(choice.sectionIds, usable, (f) => f.facets.sections) : [],
  };
}

/** The file name the core will give the report (the model names the department when exactly one is chosen). */
export function previewFileName(officeName: string, scope: LedgerFilterInput, facets: ReportFacets | null, kind: ReportKind, format: ReportFormat): string {
  const departmentIds = scope.departmentIds ?? [];
  const only = departmentIds.length === 1 ? (facets?.facets.departments.find((d) => d.id === departmentIds[0])?.label ?? null) : null;
  return `${reportBaseName({ officeName, periodLabel: periodLabel(parsePeriod(scope.period)), departmentName: only }, kind)}.${format}`;
}

/** What each report is for, in one line under its name. */
export const reportKindPurposes: Record<ReportKind, string> = {
  ledger: '逐项列出进展情况、存在问题、下步打算和灯色，报送上级的季度台账',
  indicators: '各项指标的基数、目标、本期完成值和是否达标',
  summary: '公文格式的季度情况报告初稿，含总体情况、分项进展、滞后事项和指标表',
  reminders: '按科室列出滞后和逾期事项及原因，用于督办催办',
};

/** 1.2 MB, 356 KB, 820 字节. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

const MIME: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv',
};

export function mimeOf(fileName: string): string {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return ext in MIME ? MIME[ext as ReportFormat] : 'application/octet-stream';
}
