import { ledgerStatuses, type LedgerFilter, type LedgerResult, type LedgerStatus } from '../../../shared/api/ledger';
import { lightLabels, type LightColor } from '../../../shared/domain/progress-status';

export type ChipFilter = Omit<LedgerFilter, 'period' | 'officeId'>;

/** One active filter shown as a removable chip; `without` is the filter once it is removed. */
export interface ActiveChip {
  readonly key: string;
  readonly label: string;
  readonly without: Partial<ChipFilter>;
}

export function hasActiveFilter(filter: LedgerFilter): boolean {
  return (
    filter.planIds.length + filter.departmentIds.length + filter.sectionIds.length + filter.lights.length + filter.statuses.length > 0 ||
    filter.overdue ||
    filter.search.trim() !== ''
  );
}

type Facets = LedgerResult['facets'];

function labelOf(list: readonly { id: string; label: string }[] | undefined, id: string, fallback: string): string {
  return list?.find((facet) => facet.id === id)?.label ?? fallback;
}

/** The chips in the order of the bar: plan, department, section, light, status, overdue, search. */
export function activeChips(filter: LedgerFilter, facets: Facets | null): ActiveChip[] {
  const chips: ActiveChip[] = [];
  const ids = <K extends 'planIds' | 'departmentIds' | 'sectionIds'>(key: K, noun: string, list: readonly { id: string; label: string }[] | undefined) => {
    for (const id of filter[key]) {
      chips.push({ key: `${key}:${id}`, label: `${noun}：${labelOf(list, id, `本季度没有的${noun}`)}`, without: { [key]: filter[key].filter((x) => x !== id) } });
    }
  };
  ids('planIds', '计划', facets?.plans);
  ids('departmentIds', '牵头科室', facets?.departments);
  ids('sectionIds', '章节', facets?.sections);
  for (const color of filter.lights) {
    chips.push({ key: `light:${color}`, label: lightLabels[color], without: { lights: filter.lights.filter((c) => c !== color) } });
  }
  for (const status of filter.statuses) {
    chips.push({ key: `status:${status}`, label: `状态：${status}`, without: { statuses: filter.statuses.filter((s) => s !== status) } });
  }
  if (filter.overdue) chips.push({ key: 'overdue', label: '已逾期', without: { overdue: false } });
  if (filter.search.trim()) chips.push({ key: 'search', label: `搜索：${filter.search.trim()}`, without: { search: '' } });
  return chips;
}

export function toggled<T extends string>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
}

export const lightChoices: readonly LightColor[] = ['red', 'yellow', 'green', 'grey'];
export const isLedgerStatus = (text: string): text is LedgerStatus => (ledgerStatuses as readonly string[]).includes(text);
