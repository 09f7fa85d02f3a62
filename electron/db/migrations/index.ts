import { migration0010 } from './0010-initial';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every schema version in order; append new files, never edit released ones. */
export const migrations: readonly Migration[] = [migration0010];
