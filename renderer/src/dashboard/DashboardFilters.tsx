import { useMemo } from 'react';
import { lightColors, lightLabels, type LightColor } from '../../../shared/domain/progress-status';
import { periodChoices } from '../quarterly/period';
import { useLedger } from '../store/context';
import { IncludeSubmittedToggle } from '../ui/IncludeSubmittedToggle';
import { InlineSelect } from '../ui/InlineSelect';

interface Chip {
  readonly key: string;
  readonly label: string;
  readonly remove: () => void;
}

const MANY = '__many__';

/** One value of a chip list in a select: “全部”, the single value, or “已选 N 项” for several. */
function selectValue(values: readonly string[]): string {
  if (values.length === 0) return '';
  return values.length === 1 ? values[0]! : MANY;
}

/** 季度, 计划, 科室, 灯色 and 含待审核 for 总览, plus every other chip the ledger set, each removable. */
export function DashboardFilters({ now }: { now: Date }) {
  const filter = useLedger((s) => s.viewFilter);
  const setViewFilter = useLedger((s) => s.setViewFilter);
  const clearChips = useLedger((s) => s.clearChips);
  const plans = useLedger((s) => s.plans);
  const departments = useLedger((s) => s.departments);
  const sections = useLedger((s) => s.dashboard?.bySection);
  const choices = useMemo(() => periodChoices(now, plans, filter.period), [now, plans, filter.period]);

  const planName = (id: string) => plans?.find((p) => p.id === id)?.title ?? '已删除的计划';
  const departmentName = (id: string) => departments?.find((d) => d.id === id)?.name ?? '其他科室';
  const sectionName = (id: string) => sections?.find((s) => s.sectionId === id)?.title ?? '所选章节';
  const without = <K extends 'planIds' | 'departmentIds' | 'sectionIds' | 'lights' | 'statuses' | 'states'>(key: K, value: string) => () =>
    setViewFilter({ [key]: (filter[key] as readonly string[]).filter((v) => v !== value) });

  const officeName = useLedger((s) => s.dashboard?.officeName);
  const chips: Chip[] = [
    // A district opened from 各单位对比; removing the chip returns to this office.
    ...(filter.officeId ? [{ key: 'office', label: `单位：${officeName ?? '其他单位'}`, remove: () => setViewFilter({ officeId: null }) }] : []),
    ...filter.planIds.map((id) => ({ key: `p${id}`, label: `计划：${planName(id)}`, remove: without('planIds', id) })),
    ...filter.departmentIds.map((id) => ({ key: `d${id}`, label: `科室：${departmentName(id)}`, remove: without('departmentIds', id) })),
    ...filter.sectionIds.map((id) => ({ key: `s${id}`, label: `章节：${sectionName(id)}`, remove: without('sectionIds', id) })),
    ...filter.lights.map((c) => ({ key: `l${c}`, label: `灯色：${lightLabels[c]}`, remove: without('lights', c) })),
    ...filter.statuses.map((s) => ({ key: `t${s}`, label: `状态：${s}`, remove: without('statuses', s) })),
    ...filter.states.map((s) => ({ key: `q${s}`, label: `本季度：${s}`, remove: without('states', s) })),
    ...(filter.overdue ? [{ key: 'overdue', label: '仅看逾期', remove: () => setViewFilter({ overdue: false }) }] : []),
    ...(filter.search ? [{ key: 'search', label: `搜索：${filter.search}`, remove: () => setViewFilter({ search: '' }) }] : []),
  ];

  return (
    <div className="dashboard-filters">
      <div className="quarter-picker dashboard-pickers">
        <InlineSelect label="季度" value={filter.period} onChange={(period) => setViewFilter({ period })}>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </InlineSelect>
        <InlineSelect label="计划" value={selectValue(filter.planIds)} onChange={(id) => id !== MANY && setViewFilter({ planIds: id ? [id] : [] })}>
          <option value="">全部计划</option>
          {filter.planIds.length > 1 ? <option value={MANY}>已选{filter.planIds.length}个计划</option> : null}
          {(plans ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </InlineSelect>
        <InlineSelect label="科室" value={selectValue(filter.departmentIds)} onChange={(id) => id !== MANY && setViewFilter({ departmentIds: id ? [id] : [] })}>
          <option value="">全部科室</option>
          {filter.departmentIds.length > 1 ? <option value={MANY}>已选{filter.departmentIds.length}个科室</option> : null}
          {(departments ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </InlineSelect>
        <InlineSelect label="灯色" value={selectValue(filter.lights)} onChange={(c) => c !== MANY && setViewFilter({ lights: c ? [c as LightColor] : [] })}>
          <option value="">全部灯色</option>
          {filter.lights.length > 1 ? <option value={MANY}>{filter.lights.map((c) => lightLabels[c]).join('、')}</option> : null}
          {lightColors.map((c) => (
            <option key={c} value={c}>
              {lightLabels[c]}
            </option>
          ))}
        </InlineSelect>
        <IncludeSubmittedToggle />
      </div>
      {chips.length > 0 ? (
        <div className="filter-chips" aria-label="当前筛选">
          {chips.map((chip) => (
            <span key={chip.key} className="filter-chip">
              {chip.label}
              <button type="button" className="filter-chip-remove" onClick={chip.remove} aria-label={`去掉筛选：${chip.label}`}>
                ×
              </button>
            </span>
          ))}
          {chips.some((chip) => chip.key !== 'office') ? (
            <button type="button" className="link-button filter-clear" onClick={clearChips}>
              清除筛选
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
