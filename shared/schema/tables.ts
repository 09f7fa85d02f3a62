/**
 * The replicated tables: every row is identified by a UUID and changed only through the
 * mutation layer, one change record per field. Pure description shared by the database
 * migrations, the mutation layer, the dump and (later) sync packages.
 *
 * Every column except `id` is nullable in SQL: records may arrive from another office field by
 * field and out of order, so required-ness is checked by the services, not by SQL.
 */
export type ColumnType = 'text' | 'integer' | 'real' | 'json' | 'boolean';

export interface TableSpec {
  readonly columns: Readonly<Record<string, ColumnType>>;
}

export const replicatedTables = {
  offices: { columns: { name: 'text', code: 'text', level: 'text', parent_id: 'text' } },
  installations: {
    columns: { office_id: 'text', department_id: 'text', public_key: 'text', label: 'text' },
  },
  departments: {
    /** Set when the department was merged into another (then also tombstoned): see services/department-merge.ts. */
    columns: { office_id: 'text', name: 'text', aliases: 'json', sort_order: 'integer', merged_into: 'text' },
  },
  units: { columns: { office_id: 'text', name: 'text', aliases: 'json', sort_order: 'integer' } },
  plans: {
    columns: {
      office_id: 'text',
      kind: 'text',
      title: 'text',
      doc_number: 'text',
      issuer: 'text',
      issued_on: 'text',
      year_from: 'integer',
      year_to: 'integer',
      source_hash: 'text',
      source_name: 'text',
      content_hash: 'text',
    },
  },
  sections: {
    columns: { plan_id: 'text', parent_id: 'text', label: 'text', title: 'text', sort_order: 'real' },
  },
  tasks: {
    columns: {
      plan_id: 'text',
      section_id: 'text',
      number: 'text',
      sort_order: 'real',
      title: 'text',
      text: 'text',
      deadline: 'text',
      due_date: 'text',
      due_from_year: 'integer',
      due_to_year: 'integer',
      lead_department_ids: 'json',
      responsible_units: 'json',
      group_name: 'text',
      milestones: 'json',
      carried_from_task_id: 'text',
    },
  },
  indicators: {
    columns: {
      plan_id: 'text',
      task_id: 'text',
      department_id: 'text',
      name: 'text',
      unit: 'text',
      comparator: 'text',
      target_value: 'real',
      target_value_max: 'real',
      target_year: 'integer',
      baseline_value: 'real',
      baseline_year: 'integer',
      value_kind: 'text',
      attribute: 'text',
      accumulation: 'text',
      source_phrase: 'text',
      sort_order: 'real',
      /** Expected share of the annual target per quarter for cumulative indicators, e.g. [0.25, 0.5, 0.75, 1]. */
      pace: 'json',
      /** How far from target still counts as close (overrides the office default). */
      tolerance: 'real',
    },
  },
  progress_reports: {
    columns: {
      task_id: 'text',
      department_id: 'text',
      period: 'text',
      status: 'text',
      percent: 'real',
      progress_text: 'text',
      problems_text: 'text',
      next_steps_text: 'text',
      workflow_state: 'text',
      review_comment: 'text',
    },
  },
  indicator_values: {
    columns: { indicator_id: 'text', office_id: 'text', period: 'text', value: 'real', note: 'text' },
  },
  attachments: {
    columns: {
      owner_table: 'text',
      owner_id: 'text',
      file_name: 'text',
      mime: 'text',
      size: 'integer',
      sha256: 'text',
    },
  },
  settings: { columns: { office_id: 'text', key: 'text', value: 'json' } },
  /** 标准指标库: one metric that many offices' indicators name in their own words. */
  metrics: {
    columns: { office_id: 'text', name: 'text', unit: 'text', comparator: 'text', aliases: 'json', sort_order: 'real' },
  },
  /** A clerk's decision that an indicator is (same) or is not the metric; id derived from the pair. */
  metric_links: {
    columns: { indicator_id: 'text', metric_id: 'text', same: 'boolean', office_id: 'text' },
  },
} as const satisfies Record<string, TableSpec>;

export type ReplicatedTable = keyof typeof replicatedTables;
export type ColumnOf<T extends ReplicatedTable> = keyof (typeof replicatedTables)[T]['columns'] & string;

/** Soft-delete marker present on every replicated table; a delete is a change to it. */
export const TOMBSTONE_COLUMN = 'deleted';

export function isReplicatedTable(name: string): name is ReplicatedTable {
  return Object.prototype.hasOwnProperty.call(replicatedTables, name);
}

export function columnType(table: ReplicatedTable, column: string): ColumnType | undefined {
  if (column === TOMBSTONE_COLUMN) return 'boolean';
  return (replicatedTables[table].columns as Record<string, ColumnType>)[column];
}

export const replicatedTableNames = Object.keys(replicatedTables).sort() as ReplicatedTable[];
