import { useMemo, useRef } from 'react';
import { ledgerStatuses, type LedgerFilter, type LedgerResult } from '../../../shared/api/ledger';
import { lightLabels } from '../../../shared/domain/progress-status';
import { FacetSelect, type FacetOption } from './FacetSelect';
import { activeChips, hasActiveFilter, isLedgerStatus, lightChoices, rememberLabels, stateChoices, toggled, type ChipFilter } from './filters';
import { LATE_MARK, PARTIAL_MARK } from '../../../shared/api/ledger';
import { SearchBox } from './SearchBox';

interface FilterBarProps {
  readonly filter: LedgerFilter;
  readonly facets: LedgerResult['facets'] | null;
  readonly onChange: (patch: Partial<ChipFilter>) => void;
  readonly onClear: () => void;
}

/** Search, the chip pickers (计划, 牵头科室, 章节, 填报状态, 灯色, 逾期), the 本季度情况 chips and the active chips. */
export function FilterBar({ filter, facets, onChange, onClear }: FilterBarProps) {
  const plans = facets?.plans ?? [];
  const planTitles = useMemo(() => new Map(plans.map((plan) => [plan.id, plan.label])), [plans]);
  const sectionOptions = useMemo((): FacetOption[] => {
    const sections = (facets?.sections ?? []).filter((s) => filter.planIds.length === 0 || filter.planIds.includes(s.planId));
    return sections.map((s) => ({ value: s.id, label: s.label, count: s.count, group: planTitles.get(s.planId) ?? '' }));
  }, [facets, filter.planIds, planTitles]);
  const known = useRef(new Map<string, string>());
  const chips = activeChips(filter, rememberLabels(known.current, facets));

  return (
    <div className="card ledger-filters" role="search" aria-label="筛选任务">
      <div className="ledger-filter-row">
        <SearchBox value={filter.search} onSearch={(search) => onChange({ search })} />
        {plans.length > 1 ? (
          <FacetSelect
            label="计划"
            options={plans.map((p) => ({ value: p.id, label: p.label, count: p.count }))}
            chosen={filter.planIds}
            onAdd={(id) => onChange({ planIds: [...filter.planIds, id] })}
          />
        ) : null}
        <FacetSelect
          label="牵头科室"
          options={(facets?.departments ?? []).map((d) => ({ value: d.id, label: d.label, count: d.count }))}
          chosen={filter.departmentIds}
          onAdd={(id) => onChange({ departmentIds: [...filter.departmentIds, id] })}
        />
        <FacetSelect label="章节" options={sectionOptions} chosen={filter.sectionIds} onAdd={(id) => onChange({ sectionIds: [...filter.sectionIds, id] })} />
        <FacetSelect
          label="填报状态"
          options={ledgerStatuses.map((status) => ({ value: status, label: status }))}
          chosen={filter.statuses}
          onAdd={(status) => isLedgerStatus(status) && onChange({ statuses: [...filter.statuses, status] })}
        />
        <div className="ledger-toggles" role="group" aria-label="灯色">
          <span className="inline-label">灯色</span>
          {lightChoices.map((color) => (
            <button
              key={color}
              type="button"
              className={`ledger-toggle light-${color}`}
              aria-pressed={filter.lights.includes(color)}
              onClick={() => onChange({ lights: toggled(filter.lights, color) })}
            >
              <span className="light-dot" aria-hidden="true" />
              {lightLabels[color]}
            </button>
          ))}
        </div>
        <button type="button" className="ledger-toggle ledger-toggle-overdue" aria-pressed={filter.overdue} onClick={() => onChange({ overdue: !filter.overdue })}>
          只看逾期
        </button>
      </div>
      <div className="ledger-filter-row">
        <div className="ledger-toggles" role="group" aria-label="本季度情况">
          <span className="inline-label">本季度情况</span>
          {stateChoices.map((state) => (
            <button
              key={state}
              type="button"
              className={`ledger-toggle${state === PARTIAL_MARK || state === LATE_MARK ? ' ledger-toggle-mark' : ''}`}
              aria-pressed={filter.states.includes(state)}
              onClick={() => onChange({ states: toggled(filter.states, state) })}
            >
              {state}
            </button>
          ))}
        </div>
      </div>
      {hasActiveFilter(filter) ? (
        <div className="ledger-filter-row ledger-active">
          <span className="inline-label">已选</span>
          <ul className="chips" aria-label="已选筛选条件">
            {chips.map((chip) => (
              <li key={chip.key} className="chip chip-selected">
                {chip.label}
                <button type="button" className="chip-remove" aria-label={`去掉“${chip.label}”`} onClick={() => onChange(chip.without)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
          <button type="button" className="button button-small" onClick={onClear}>
            清除筛选
          </button>
        </div>
      ) : null}
    </div>
  );
}
