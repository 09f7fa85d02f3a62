import { migration0010 } from './0010-initial';
import { migration0020 } from './0020-ledger-views';
import { migration0030 } from './0030-entry-clock';
import { migration0040 } from './0040-search-rebuild';
import { migration0050 } from './0050-sync';
import { migration0060 } from './0060-report-templates';
import { migration0070 } from './0070-department-merge';
import { migration0080 } from './0080-import-baselines';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every schema version in order; append new files, never edit released ones. */
export const migrations: readonly Migration[] = [migration0010, migration0020, migration0030, migration0040, migration0050, migration0060, migration0070, migration0080];
