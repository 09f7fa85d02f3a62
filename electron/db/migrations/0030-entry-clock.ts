import { ENTRY_CLOCK_DDL } from '../../core/entry-clock';
import type { Migration } from './types';

/** Each quarterly entry's newest change, for 任务台账's 最近更新 (see electron/core/entry-clock.ts). */
export const migration0030: Migration = {
  version: 30,
  name: 'entry-clock',
  up: (db) => db.exec(ENTRY_CLOCK_DDL),
};
