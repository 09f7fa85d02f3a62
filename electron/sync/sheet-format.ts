/*
 * The layout of the Excel fill-in sheet, shared by the export and the reader so both always
 * agree on sheet names, columns and the hidden marker.
 */

/** Bump when the layout changes; a newer sheet is refused, an older one would need a reader. */
export const SHEET_FORMAT_VERSION = 1;
/** What the hidden marker's first row says, so a foreign workbook is told apart at once. */
export const SHEET_KIND = 'target-ledger-fill-in-sheet';

/**
 * Sheet protection password. NOT a security measure (anyone can remove sheet protection, and the
 * import checks every cell anyway): it only stops a clerk from overwriting the task columns by
 * accident. Documented here so the office can unprotect a sheet when it really needs to.
 */
export const SHEET_PROTECTION_PASSWORD = 'mubiaotaizhang';

export const SHEET_NAMES = {
  guide: '填报说明',
  tasks: '任务进展',
  indicators: '指标数值',
  meta: '_meta',
} as const;

export interface ColumnSpec {
  readonly key: string;
  readonly header: string;
  readonly width: number;
  /** Only these cells are unlocked (and yellow). */
  readonly editable?: boolean;
  /** Keys the import needs: hidden and locked. */
  readonly hidden?: boolean;
}

export const TASK_COLUMNS = [
  { key: 'taskId', header: '任务编号', width: 10, hidden: true },
  { key: 'departmentId', header: '科室编号', width: 10, hidden: true },
  { key: 'period', header: '季度', width: 10, hidden: true },
  { key: 'number', header: '序号', width: 7 },
  { key: 'title', header: '任务', width: 42 },
  { key: 'deadline', header: '时限', width: 14 },
  { key: 'workflow', header: '审核情况', width: 12 },
  { key: 'status', header: '状态', width: 11, editable: true },
  { key: 'percent', header: '完成百分比', width: 11, editable: true },
  { key: 'progressText', header: '进展情况', width: 44, editable: true },
  { key: 'problemsText', header: '存在问题', width: 30, editable: true },
  { key: 'nextStepsText', header: '下步打算', width: 30, editable: true },
] as const satisfies readonly ColumnSpec[];

export const INDICATOR_COLUMNS = [
  { key: 'indicatorId', header: '指标编号', width: 10, hidden: true },
  { key: 'period', header: '季度', width: 10, hidden: true },
  { key: 'number', header: '序号', width: 7 },
  { key: 'name', header: '指标名称', width: 36 },
  { key: 'unit', header: '单位', width: 9 },
  { key: 'target', header: '目标', width: 16 },
  { key: 'value', header: '数值', width: 12, editable: true },
  { key: 'note', header: '说明', width: 40, editable: true },
] as const satisfies readonly ColumnSpec[];

export type TaskColumnKey = (typeof TASK_COLUMNS)[number]['key'];
export type IndicatorColumnKey = (typeof INDICATOR_COLUMNS)[number]['key'];

/** 1-based column number of a key, as exceljs counts. */
export function columnOf<K extends string>(columns: readonly { readonly key: K }[], key: K): number {
  return columns.findIndex((column) => column.key === key) + 1;
}

/** The hidden marker, one key per row of `_meta` (column A key, column B value). */
export interface SheetMeta {
  readonly kind: string;
  readonly formatVersion: number;
  readonly officeId: string;
  readonly officeName: string;
  readonly departmentId: string;
  readonly departmentName: string;
  readonly period: string;
  readonly exportedAt: string;
}

export const META_KEYS = ['kind', 'formatVersion', 'officeId', 'officeName', 'departmentId', 'departmentName', 'period', 'exportedAt'] as const satisfies readonly (keyof SheetMeta)[];

/** Header rows above the data on 任务进展 and 指标数值 (frozen). */
export const HEADER_ROWS = 1;
