import type { LedgerState } from '../store';

/** The office's PC (set up without a department): it reviews, and its navigation says so. */
export function isOfficePc(state: Pick<LedgerState, 'status'>): boolean {
  const installation = state.status?.installation;
  return installation != null && installation.departmentId === null;
}

/** 办公室审核 is shown to the office's PC, and to any PC whose clerk took the 审核员 role in 设置. */
export function reviews(state: Pick<LedgerState, 'status' | 'settings'>): boolean {
  return isOfficePc(state) || state.settings?.role === 'reviewer';
}
