import { SEARCH_DDL } from '../../search/search-index';
import type { Migration } from './types';

/*
 * 标准指标库 (replicated: metrics, metric_links), an index for one office's plans by year, and
 * the local search index for the ledger (filled by migration 40 and electron/search).
 */
const ddl = `
CREATE TABLE metrics (
  id TEXT PRIMARY KEY NOT NULL, office_id TEXT, name TEXT, unit TEXT, comparator TEXT, aliases TEXT,
  sort_order REAL,
  deleted INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE TABLE metric_links (
  id TEXT PRIMARY KEY NOT NULL, indicator_id TEXT, metric_id TEXT, same INTEGER, office_id TEXT,
  deleted INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE INDEX metric_links_indicator ON metric_links (indicator_id);
CREATE INDEX metric_links_metric ON metric_links (metric_id);
CREATE INDEX plans_office_year ON plans (office_id, year_from);
CREATE INDEX indicator_values_office ON indicator_values (office_id, period);
`;

export const migration0020: Migration = {
  version: 20,
  name: 'ledger-views',
  up: (db) => {
    db.exec(ddl);
    db.exec(SEARCH_DDL);
  },
};
