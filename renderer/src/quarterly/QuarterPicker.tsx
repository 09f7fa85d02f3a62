import { useMemo } from 'react';
import { useLedger } from '../store/context';
import { InlineSelect } from '../ui/InlineSelect';
import { periodChoices } from './period';

/** 季度 and 科室 for the sheet; changing either first sends any waiting draft. */
export function QuarterPicker({ showDepartment, now }: { showDepartment: boolean; now: Date }) {
  const period = useLedger((s) => s.quarterPeriod);
  const departmentId = useLedger((s) => s.quarterDepartmentId);
  const departments = useLedger((s) => s.departments);
  const plans = useLedger((s) => s.plans);
  const chooseQuarter = useLedger((s) => s.chooseQuarter);
  const chooseDepartment = useLedger((s) => s.chooseDepartment);
  const choices = useMemo(() => periodChoices(now, plans, period), [now, plans, period]);
  return (
    <div className="quarter-picker">
      <InlineSelect label="季度" value={period} onChange={(value) => void chooseQuarter(value)}>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </InlineSelect>
      {showDepartment && departments && departments.length > 0 ? (
        <InlineSelect label="科室" value={departmentId ?? ''} onChange={(value) => void chooseDepartment(value)}>
          {departments.map((department) => (
            <option key={department.id} value={department.id}>
              {department.name}
            </option>
          ))}
        </InlineSelect>
      ) : null}
    </div>
  );
}
