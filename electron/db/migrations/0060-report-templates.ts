import type { Migration } from './types';

/*
 * Superiors' blank Excel forms with the column mapping a clerk chose, one per recipient
 * (市卫生健康委, 区政府督查室…). Local to this PC and never synced: another PC may send to other
 * recipients, and the form bytes would bloat every package.
 */
const ddl = `
CREATE TABLE report_templates (
  id TEXT PRIMARY KEY NOT NULL,
  recipient TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL,
  form BLOB NOT NULL,
  sheet_name TEXT NOT NULL,
  header_row INTEGER NOT NULL,
  mapping TEXT NOT NULL,
  rows TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL) STRICT;
`;

export const migration0060: Migration = {
  version: 60,
  name: 'report-templates',
  up: (db) => db.exec(ddl),
};
