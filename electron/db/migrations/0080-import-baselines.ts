import type { Migration } from './types';

/*
 * What the parser produced for each section, task and indicator of an imported plan, field by
 * field (the "old parse" of the three-way merge on re-import). Kept in its own local table rather
 * than recovered from the change log: an import saves the parser's output together with the
 * clerk's corrections from the review screen in one batch, so the log cannot tell a corrected
 * field from a parsed one, and a rename made during review would look like the document's own
 * wording and be reverted by the next import. Local to the PC that imported: other PCs fall back
 * to the field's first change record (see electron/services/import-baseline.ts). A task's long
 * text is kept as its SHA-256 (only compared), so the table stays small beside the plan.
 */
const ddl = `
CREATE TABLE import_baselines (
  plan_id TEXT NOT NULL,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  fields TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  PRIMARY KEY (plan_id, tbl, row_id)) STRICT, WITHOUT ROWID;
`;

export const migration0080: Migration = {
  version: 80,
  name: 'import-baselines',
  up: (db) => db.exec(ddl),
};
