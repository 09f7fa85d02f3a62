import type { ReportKind, ReportModel } from '../api/reports';
import { reportKindLabels } from '../api/reports';

/*
 * What a report file is called: 渝北区卫生健康委_2025年第一季度重点工作台账.xlsx. Pure, so the
 * core names the file and the 报表 page previews the very same name before it is made.
 */

/** Characters Windows refuses in file names, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g;

export function safeFileName(name: string): string {
  const cleaned = name.replace(UNSAFE, '_').replace(/\s+/g, '').replace(/^\.+/, '').slice(0, 120);
  return cleaned === '' ? '报表' : cleaned;
}

/** 渝北区卫生健康委_2025年第一季度重点工作台账 (with the department when the report is one department's). */
export function reportBaseName(model: Pick<ReportModel, 'officeName' | 'periodLabel' | 'departmentName'>, kind: ReportKind | string): string {
  const label = kind in reportKindLabels ? reportKindLabels[kind as ReportKind] : kind;
  const who = model.departmentName ? `${model.officeName}${model.departmentName}` : model.officeName;
  return safeFileName(`${who}_${model.periodLabel}${label}`);
}
