import type { PlanKind } from '../domain/plan-kinds';

/** The parse contract shared by the CLI (`parse --json`), the review screen and the importer. */
export type Comparator = '>=' | '<=' | '=' | '>' | '<' | 'between';
export type ValueKind = 'proportion' | 'rate' | 'count' | 'amount' | 'growth' | 'other';

export interface ParsedSection {
  key: string;
  label: string;
  title: string;
  parentKey: string | null;
}

export interface ParsedDue {
  date: string | null;
  fromYear: number | null;
  toYear: number | null;
}

export interface ParsedTask {
  key: string;
  number: string;
  sectionKey: string | null;
  title: string;
  text: string;
  leadDepartments: string[];
  responsibleUnits: string[];
  group: string | null;
  deadline: string | null;
  due: ParsedDue | null;
}

export interface ParsedTarget {
  taskKey: string | null;
  metric: string;
  comparator: Comparator;
  value: number;
  valueMax: number | null;
  unit: string;
  valueKind: ValueKind;
  attribute: 'binding' | 'indicative' | null;
  baseline: { value: number; year: number | null } | null;
  targetYear: number | null;
  phrase: string;
  start: number;
  end: number;
}

export interface ParseWarning {
  code: string;
  message: string;
}

/** A past quarter's progress found in an office's existing Excel 台账 (one column per quarter). */
export interface ParsedProgress {
  taskKey: string;
  /** `2025-Q1`; null when the column names no year and the plan has none either. */
  period: string | null;
  header: string;
  text: string;
}

export interface ParseResult {
  title: string | null;
  kind: PlanKind;
  docNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
  normalizedText: string;
  sections: ParsedSection[];
  tasks: ParsedTask[];
  targets: ParsedTarget[];
  /** Only for existing ledgers; an addition to the fields above, which keep their names. */
  progressHistory: ParsedProgress[];
  warnings: ParseWarning[];
}

/** What the readers hand to the parser: text (one paragraph or cell per line) and any real tables. */
export interface ParseInput {
  text: string;
  tables?: readonly { sheet: string; rows: readonly (readonly string[])[] }[];
  /** xlsx: the tables are the document; docx: tables also appear in the text, one cell per line. */
  format?: 'txt' | 'docx' | 'pdf' | 'xlsx' | 'paste';
  fileName?: string;
}
