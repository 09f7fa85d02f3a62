import { useEffect, useId, useState } from 'react';
import { useLedger } from '../store/context';

/**
 * A department PC's 本机所属科室: once the office's 下发 has brought its list, the clerk may
 * choose (or correct) the department this PC reports for. Only the office's departments are
 * offered, so the PC never reports for one the office does not know.
 */
export function DepartmentBinding({ departmentId, departmentName }: { departmentId: string; departmentName: string }) {
  const records = useLedger((s) => s.departmentRecords);
  const load = useLedger((s) => s.loadDepartmentRecords);
  const bind = useLedger((s) => s.bindDepartment);
  const [choice, setChoice] = useState('');
  const [saving, setSaving] = useState(false);
  const selectId = useId();

  useEffect(() => {
    void load();
  }, [load]);

  const officeList = (records ?? []).filter((d) => d.fromOffice && d.mergedInto === null);
  const listed = officeList.some((d) => d.id === departmentId);
  const selected = choice || (listed ? departmentId : '');

  if (records === null) return <span>{departmentName}</span>;
  if (officeList.length === 0) {
    return (
      <>
        <span>{departmentName}</span>
        <span className="facts-note">导入办公室的下发数据包后，可从办公室的科室名单中选择本机所属科室</span>
      </>
    );
  }
  return (
    <form
      className="department-binding"
      aria-label="本机所属科室"
      onSubmit={(event) => {
        event.preventDefault();
        if (!selected || selected === departmentId) return;
        setSaving(true);
        void bind(selected).finally(() => {
          setSaving(false);
          setChoice('');
        });
      }}
    >
      {listed ? null : (
        <p className="field-error" role="alert">
          本机设置的科室“{departmentName}”不在办公室的科室名单中，请选择本机所属科室。
        </p>
      )}
      <select id={selectId} aria-label="选择本机所属科室" className="input" value={selected} onChange={(event) => setChoice(event.target.value)}>
        {listed ? null : <option value="">请选择…</option>}
        {officeList.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-small" disabled={saving || !selected || selected === departmentId}>
        {saving ? '正在更改…' : '更改'}
      </button>
      <span className="facts-note">科室名单由办公室维护，随下发数据包更新</span>
    </form>
  );
}
