import type { Migration } from './types';

/*
 * Replicated tables: UUID ids, every other column nullable (records arrive field by field,
 * possibly before their parents), `deleted` as tombstone, no SQL foreign keys between them.
 * Local tables: this installation's identity, clock, settings, drafts and import history.
 * Frozen: later schema changes go in new migration files.
 */
const ddl = `
CREATE TABLE offices (
  id TEXT PRIMARY KEY NOT NULL, name TEXT, code TEXT, level TEXT, parent_id TEXT,
  deleted INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE TABLE installations (
  id TEXT PRIMARY KEY NOT NULL, office_id TEXT, department_id TEXT, public_key TEXT, label TEXT,
  deleted INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE TABLE departments (
  id TEXT PRIMARY KEY NOT NULL, office_id TEXT, name TEXT, aliases TEXT, sort_order INTEGER,
  deleted INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE INDEX departments_office ON departments (office_id);
CREATE TABLE units (
  id TEXT PRIMARY KEY NOT NULL, office_id TEXT, name TEXT, aliases TEXT, sort_order INTEGER,
  deleted INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE INDEX units_office ON units (office_id);
CREATE TABLE plans (
  id TEXT PRIMARY KEY NOT NULL, office_id TEXT, kind TEXT, title TEXT, doc_number TEXT, issuer TEXT,
  issued_on TEXT, year_from INTEGER, year_to INTEGER, source_hash TEXT, source_name TEXT, content_hash TEXT,
  deleted INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE INDEX plans_office ON plans (office_id);
CREATE INDEX plans_content ON plans (content_hash);
CREATE TABLE sections (
  id TEXT PRIMARY KEY NOT NULL, plan_id TEXT, parent_id TEXT, label TEXT, title TEXT, sort_order REAL,
  deleted INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE INDEX sections_plan ON sections (plan_id, sort_order);
CREATE TABLE tasks (
  id TEXT PRIMARY KEY NOT NULL, plan_id TEXT, section_id TEXT, number TEXT, sort_order REAL,
  title TEXT, text TEXT, deadline TEXT, due_date TEXT, due_from_year INTEGER, due_to_year INTEGER,
  lead_department_ids TEXT, responsible_units TEXT, group_name TEXT, milestones TEXT,
  carried_from_task_id TEXT,
  deleted INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE INDEX tasks_plan ON tasks (plan_id, sort_order);
CREATE INDEX tasks_section ON tasks (section_id);
CREATE TABLE indicators (
  id TEXT PRIMARY KEY NOT NULL, plan_id TEXT, task_id TEXT, department_id TEXT, name TEXT, unit TEXT,
  comparator TEXT, target_value REAL, target_value_max REAL, target_year INTEGER,
  baseline_value REAL, baseline_year INTEGER, value_kind TEXT, attribute TEXT, accumulation TEXT,
  source_phrase TEXT, sort_order REAL, pace TEXT, tolerance REAL,
  deleted INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE INDEX indicators_plan ON indicators (plan_id, sort_order);
CREATE INDEX indicators_task ON indicators (task_id);
CREATE TABLE progress_reports (
  id TEXT PRIMARY KEY NOT NULL, task_id TEXT, department_id TEXT, period TEXT, status TEXT,
  percent REAL, progress_text TEXT, problems_text TEXT, next_steps_text TEXT,
  workflow_state TEXT, review_comment TEXT,
  deleted INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE INDEX progress_task_period ON progress_reports (task_id, period);
CREATE INDEX progress_department_period ON progress_reports (department_id, period);
CREATE INDEX progress_period ON progress_reports (period, workflow_state);
CREATE TABLE indicator_values (
  id TEXT PRIMARY KEY NOT NULL, indicator_id TEXT, office_id TEXT, period TEXT, value REAL, note TEXT,
  deleted INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE INDEX indicator_values_indicator ON indicator_values (indicator_id, period);
CREATE INDEX indicator_values_period ON indicator_values (period);
CREATE TABLE attachments (
  id TEXT PRIMARY KEY NOT NULL, owner_table TEXT, owner_id TEXT, file_name TEXT, mime TEXT,
  size INTEGER, sha256 TEXT,
  deleted INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE INDEX attachments_owner ON attachments (owner_table, owner_id);
CREATE TABLE settings (
  id TEXT PRIMARY KEY NOT NULL, office_id TEXT, key TEXT, value TEXT,
  deleted INTEGER NOT NULL DEFAULT 0) STRICT;

-- One row per field change: the audit trail and the source of sync packages.
CREATE TABLE change_log (
  hlc TEXT PRIMARY KEY NOT NULL,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  col TEXT NOT NULL,
  value TEXT NOT NULL,
  supersedes TEXT NOT NULL,
  origin_office_id TEXT NOT NULL,
  origin_installation_id TEXT NOT NULL,
  actor TEXT NOT NULL,
  -- HLC of the first change written in the same transaction: one save, shown as one edit.
  batch TEXT NOT NULL,
  package_id TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX change_log_field ON change_log (tbl, row_id, col);

CREATE TABLE local_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
CREATE TABLE local_settings (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;
CREATE TABLE drafts (
  key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
CREATE TABLE import_history (
  id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, file_name TEXT, sha256 TEXT, target_id TEXT,
  imported_at TEXT NOT NULL, actor TEXT NOT NULL, summary TEXT NOT NULL) STRICT;
`;

export const migration0010: Migration = {
  version: 10,
  name: 'initial',
  up: (db) => db.exec(ddl),
};
