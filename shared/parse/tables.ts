import type { Comparator, ParsedTarget } from './types';
import { defaultTableComparator, normalizeUnit, valueKindOf } from './targets';
import { normalizeWidth, removeInnerSpaces } from './width';

/** What a column of a plan table holds, recognised from its header words. */
export type ColumnRole = 'number' | 'title' | 'content' | 'group' | 'lead' | 'units' | 'deadline' | 'unit' | 'baseline' | 'target' | 'attribute' | 'progress' | 'other';

const HEADER_RULES: { role: ColumnRole; pattern: RegExp }[] = [
  { role: 'number', pattern: /^(序号|编号|序)$/ },
  { role: 'attribute', pattern: /属性/ },
  { role: 'baseline', pattern: /(基数|基期|现状|基准)/ },
  { role: 'target', pattern: /(目标|目标值)/ },
  { role: 'unit', pattern: /^(单位|计量单位)$/ },
  { role: 'lead', pattern: /(牵头|归口|责任科室|责任处室|主责)/ },
  { role: 'units', pattern: /(配合|协作|责任单位|参与)/ },
  { role: 'deadline', pattern: /(时限|年限|完成时间|时间节点)/ },
  { role: 'group', pattern: /(分组|类别|分类|板块|领域)/ },
  { role: 'progress', pattern: /(进展|完成情况|推进情况)/ },
  { role: 'content', pattern: /(内容|措施|问题|说明|备注)/ },
  { role: 'title', pattern: /(名称|任务|分项|指标|事项|项目)/ },
];

export function columnRole(header: string): ColumnRole {
  const text = header.replace(/\s/g, '');
  for (const rule of HEADER_RULES) if (rule.pattern.test(text)) return rule.role;
  return 'other';
}

/** A header row names at least two known roles, one of them a title or number. */
export function isHeaderRow(cells: readonly string[]): boolean {
  const roles = cells.map(columnRole).filter((r) => r !== 'other');
  return new Set(roles).size >= 2 && (roles.includes('title') || roles.includes('number'));
}

export type TableKind = 'indicators' | 'project-list' | 'standards-list' | 'task-table';

export function tableKind(headers: readonly string[]): TableKind {
  const joined = headers.join('|');
  if (/指标/.test(joined) && /(目标|基数|单位)/.test(joined)) return 'indicators';
  if (/(立项需求|板块分组|归口处室)/.test(joined)) return 'standards-list';
  if (/(项目类别|分项|计划年限)/.test(joined)) return 'project-list';
  return 'task-table';
}

export interface TableRowTask {
  number: string;
  title: string;
  text: string;
  group: string | null;
  leadDepartments: string[];
  responsibleUnits: string[];
  deadline: string | null;
  /** Per-quarter progress texts found in an office's existing ledger. */
  progress: { header: string; text: string }[];
  rowIndex: number;
}

export interface TableRowTarget extends Omit<ParsedTarget, 'taskKey' | 'start' | 'end'> {
  rowIndex: number;
}

export interface ParsedTable {
  kind: TableKind;
  tasks: TableRowTask[];
  targets: TableRowTarget[];
}

const clean = (cell: string | undefined) => removeInnerSpaces(normalizeWidth(cell ?? '').trim());
const splitNames = (cell: string) =>
  cell
    .split(/[、，,；;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function yearIn(header: string): number | null {
  const match = /(20\d\d|19\d\d)/.exec(header);
  return match ? Number(match[1]) : null;
}

/** Parse "≤10", "≥95", "81", "5%-6.7%", "-" into comparator and value(s). */
export function parseTableValue(cell: string): { comparator: Comparator | null; value: number; valueMax: number | null } | null {
  const text = cell.replace(/\s/g, '');
  if (text === '' || /^[-—–/／无]+$/.test(text)) return null;
  const range = /^(\d+(?:\.\d+)?)%?[-—–~至](\d+(?:\.\d+)?)%?$/.exec(text);
  if (range) return { comparator: 'between', value: Number(range[1]), valueMax: Number(range[2]) };
  const match = /^(≥|≤|>|<|=|＞|＜|不低于|不高于|不超过|不少于)?(\d+(?:\.\d+)?)[%‰]?(以上|以下|以内|左右)?$/.exec(text);
  if (!match) return null;
  const sign = match[1] ?? '';
  const suffix = match[3] ?? '';
  const comparator: Comparator | null =
    sign === '≥' || sign === '不低于' || sign === '不少于' || suffix === '以上'
      ? '>='
      : sign === '≤' || sign === '不高于' || sign === '不超过' || suffix === '以下' || suffix === '以内'
        ? '<='
        : sign === '>' || sign === '＞'
          ? '>'
          : sign === '<' || sign === '＜'
            ? '<'
            : sign === '=' || suffix === '左右'
              ? '='
              : null;
  return { comparator, value: Number(match[2]), valueMax: null };
}

/**
 * Turn table rows (header first) into tasks or indicator targets. Merged cells arrive empty
 * below their first row, so group and number columns carry down.
 */
export function parseTableRows(rows: readonly (readonly string[])[]): ParsedTable | null {
  const headerIndex = rows.findIndex((row) => isHeaderRow(row.map(clean)));
  if (headerIndex < 0) return null;
  const headers = rows[headerIndex]!.map(clean);
  const roles = headers.map(columnRole);
  const kind = tableKind(headers);
  const col = (role: ColumnRole) => roles.indexOf(role);
  const body = rows.slice(headerIndex + 1).map((row) => row.map((cell) => (cell ?? '').trim()));
  const tasks: TableRowTask[] = [];
  const targets: TableRowTarget[] = [];

  if (kind === 'indicators') {
    const nameCol = col('title');
    const unitCol = col('unit');
    const baseCol = col('baseline');
    const targetCol = col('target');
    const attrCol = col('attribute');
    body.forEach((row, rowIndex) => {
      const metric = clean(row[nameCol]);
      const target = parseTableValue(clean(row[targetCol]));
      if (!metric || !target) return;
      const unit = normalizeUnit(clean(row[unitCol]));
      const base = baseCol >= 0 ? parseTableValue(clean(row[baseCol])) : null;
      const attribute = attrCol >= 0 ? (/约束/.test(row[attrCol] ?? '') ? 'binding' : /预期/.test(row[attrCol] ?? '') ? 'indicative' : null) : null;
      targets.push({
        metric,
        comparator: target.comparator ?? defaultTableComparator(metric),
        value: target.value,
        valueMax: target.valueMax,
        unit,
        valueKind: valueKindOf(metric, unit),
        attribute,
        baseline: base ? { value: base.value, year: yearIn(headers[baseCol] ?? '') } : null,
        targetYear: yearIn(headers[targetCol] ?? ''),
        phrase: clean(row[nameCol]),
        rowIndex,
      });
    });
    return { kind, tasks, targets };
  }

  const numberCol = col('number');
  const titleCol = col('title');
  const contentCol = col('content');
  const groupCol = col('group');
  const leadCol = col('lead');
  const unitsCol = col('units');
  const deadlineCol = col('deadline');
  const progressCols = roles.map((role, index) => (role === 'progress' ? index : -1)).filter((index) => index >= 0);
  // A 序号 column holding 一、二… only on a group's first row numbers groups, not rows.
  const numbersGroups = numberCol >= 0 && body.some((row) => /^[一二三四五六七八九十]+$/.test(clean(row[numberCol]))) && body.some((row) => clean(row[numberCol]) === '');
  let group: string | null = null;
  let positionInGroup = 0;
  body.forEach((row, rowIndex) => {
    const title = clean(row[titleCol >= 0 ? titleCol : contentCol]);
    const groupCell = groupCol >= 0 ? clean(row[groupCol]) : '';
    if (groupCell) {
      if (groupCell !== group) positionInGroup = 0;
      group = groupCell;
    }
    if (!title) return;
    positionInGroup++;
    const numberCell = numberCol >= 0 ? clean(row[numberCol]) : '';
    const content = contentCol >= 0 && contentCol !== titleCol ? (row[contentCol] ?? '').trim() : '';
    tasks.push({
      number: numbersGroups || !numberCell ? String(positionInGroup) : numberCell.replace(/[.、．]$/, ''),
      title,
      text: content ? `${title}\n${content}` : title,
      group: groupCol >= 0 ? group : null,
      leadDepartments: leadCol >= 0 ? splitNames(clean(row[leadCol])) : [],
      responsibleUnits: unitsCol >= 0 ? splitNames(clean(row[unitsCol])) : [],
      deadline: deadlineCol >= 0 ? clean(row[deadlineCol]) || null : null,
      progress: progressCols.map((index) => ({ header: headers[index]!, text: (row[index] ?? '').trim() })).filter((p) => p.text),
      rowIndex,
    });
  });
  return { kind, tasks, targets };
}
