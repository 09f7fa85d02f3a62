import { ledgerStatuses, quarterFilterStates, type LedgerFilter, type LedgerResult, type LedgerStatus, type QuarterFilterState } from '../../../shared/api/ledger';
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
    filter.planIds.length + filter.departmentIds.length + filter.sectionIds.length + filter.lights.length + filter.statuses.length + filter.states.length > 0 ||
    filter.overdue ||
    filter.search.trim() !== ''
  );
}

type Facets = LedgerResult['facets'];

/** Names of plans, departments and sections by id, remembered across quarters (a chip outlives its facet). */
export function rememberLabels(known: Map<string, string>, facets: Facets | null): Map<string, string> {
  if (facets) for (const facet of [...facets.plans, ...facets.departments, ...facets.sections]) known.set(facet.id, facet.label);
  return known;
}

/** The chips in the order of the bar: plan, department, section, light, status, quarter state and marks, overdue, search. */
export function activeChips(filter: LedgerFilter, labels: ReadonlyMap<string, string>): ActiveChip[] {
  const chips: ActiveChip[] = [];
  const ids = (key: 'planIds' | 'departmentIds' | 'sectionIds', noun: string) => {
    for (const id of filter[key]) {
      chips.push({ key: `${key}:${id}`, label: `${noun}：${labels.get(id) ?? '（本季度没有）'}`, without: { [key]: filter[key].filter((x) => x !== id) } });
    }
  };
  ids('planIds', '计划');
  ids('departmentIds', '牵头科室');
  ids('sectionIds', '章节');
  for (const color of filter.lights) {
    chips.push({ key: `light:${color}`, label: lightLabels[color], without: { lights: filter.lights.filter((c) => c !== color) } });
  }
  for (const status of filter.statuses) {
    chips.push({ key: `status:${status}`, label: `状态：${status}`, without: { statuses: filter.statuses.filter((s) => s !== status) } });
  }
  for (const state of filter.states) {
    chips.push({ key: `state:${state}`, label: `本季度：${state}`, without: { states: filter.states.filter((s) => s !== state) } });
  }
  if (filter.overdue) chips.push({ key: 'overdue', label: '已逾期', without: { overdue: false } });
  if (filter.search.trim()) chips.push({ key: 'search', label: `搜索：${filter.search.trim()}`, without: { search: '' } });
  return chips;
}

export function toggled<T extends string>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
}

export const lightChoices: readonly LightColor[] = ['red', 'yellow', 'green', 'grey'];

/** The quarter states, then the two marks, as the chips of 本季度情况. */
export const stateChoices: readonly QuarterFilterState[] = quarterFilterStates;
export const isLedgerStatus = (text: string): text is LedgerStatus => (ledgerStatuses as readonly string[]).includes(text);
