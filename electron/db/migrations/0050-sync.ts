import type { Migration } from './types';

/*
 * Local bookkeeping for sync by files (never synced itself):
 * - trusted_keys: installations whose packages this PC accepts, with the key they sign with;
 * - peer_acks: which changes a peer is known to hold (it sent them, or its receipt said so), so
 *   the next package to it carries only what it lacks;
 * - sync_packages: packages made and received, for the history and for "已导入" on a repeat;
 * - conflicts: fields (or records) whose known changes leave more than one value standing.
 */
const ddl = `
CREATE TABLE trusted_keys (
  installation_id TEXT PRIMARY KEY NOT NULL, public_key TEXT NOT NULL, fingerprint TEXT NOT NULL,
  office_id TEXT, office_name TEXT, department_name TEXT, trusted_at TEXT NOT NULL) STRICT;
CREATE TABLE peer_acks (peer_id TEXT NOT NULL, hlc TEXT NOT NULL, PRIMARY KEY (peer_id, hlc)) STRICT, WITHOUT ROWID;
CREATE TABLE sync_packages (
  id TEXT PRIMARY KEY NOT NULL, direction TEXT NOT NULL, kind TEXT NOT NULL, peer_id TEXT, peer_name TEXT,
  file_name TEXT, at TEXT NOT NULL, summary TEXT NOT NULL) STRICT;
CREATE TABLE conflicts (
  tbl TEXT NOT NULL, row_id TEXT NOT NULL, col TEXT NOT NULL, kind TEXT NOT NULL, found_at TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id, col)) STRICT, WITHOUT ROWID;
`;

export const migration0050: Migration = {
  version: 50,
  name: 'sync',
  up: (db) => db.exec(ddl),
};
