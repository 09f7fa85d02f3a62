import type { Migration } from './types';

/*
 * A merged department (two records for one 科室, e.g. 疾控科 typed at a department PC's setup
 * and the office's 疾病预防控制科) is tombstoned with `merged_into` naming the department that
 * took over its entries, aliases and tasks. The column is replicated like any other, so the
 * merge travels by sync and a department PC bound to the old record rebinds on receipt.
 */
export const migration0070: Migration = {
  version: 70,
  name: 'department-merge',
  up: (db) => db.exec('ALTER TABLE departments ADD COLUMN merged_into TEXT;'),
};
