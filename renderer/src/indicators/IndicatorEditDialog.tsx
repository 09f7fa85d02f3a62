import { useState, type FormEvent } from 'react';
import type { CallArgs } from '../../../shared/api';
import type { IndicatorRow } from '../../../shared/api/progress';
import { valueKindLabels, type Comparator, type ValueKind } from '../../../shared/domain/lights';
import { useLedger } from '../store/context';
import { Field } from '../ui/Field';
import { FormDialogFooter } from '../ui/FormDialogFooter';
import { Modal } from '../ui/Modal';
import { useForm } from '../ui/useForm';
import { parseNumberInput } from './grid';

export const comparatorLabels: Record<Comparator, string> = {
  '>=': '≥ 不低于（越高越好）',
  '>': '> 高于',
  '<=': '≤ 不高于（越低越好）',
  '<': '< 低于',
  '=': '= 等于',
  between: '区间（下限—上限）',
};

const show = (value: number | null) => (value === null ? '' : String(value));

type Update = CallArgs<'indicators.update'>;

/**
 * What an import read from the document, corrected by the clerk: name, direction, target or range,
 * unit, 基数 and its year, target year, kind and owner. Only changed fields are sent (each becomes a
 * change record), and a later import of the document keeps them.
 */
export function IndicatorEditDialog({ indicator, onClose }: { indicator: IndicatorRow; onClose: () => void }) {
  const update = useLedger((s) => s.updateIndicator);
  const departments = useLedger((s) => s.departments);
  const form = useForm();
  const [name, setName] = useState(indicator.name);
  const [comparator, setComparator] = useState<Comparator>(indicator.comparator);
  const [target, setTarget] = useState(show(indicator.targetValue));
  const [targetMax, setTargetMax] = useState(show(indicator.targetValueMax));
  const [unit, setUnit] = useState(indicator.unit);
  const [baseline, setBaseline] = useState(show(indicator.baselineValue));
  const [baselineYear, setBaselineYear] = useState(show(indicator.baselineYear));
  const [targetYear, setTargetYear] = useState(show(indicator.targetYear));
  const [kind, setKind] = useState<ValueKind>(indicator.valueKind);
  const [departmentId, setDepartmentId] = useState(indicator.departmentId ?? '');

  /** The typed numbers, or the fields that are not numbers. */
  const numbers = () => {
    const typed = { targetValue: target, targetValueMax: targetMax, baselineValue: baseline, baselineYear, targetYear };
    const values: Record<string, number | null> = {};
    const errors: Record<string, string> = {};
    for (const [field, text] of Object.entries(typed)) {
      const value = parseNumberInput(text);
      if (value === undefined) errors[field] = '请输入数字';
      else values[field] = value;
    }
    return { values, errors };
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { values, errors } = numbers();
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    const next: Omit<Update, 'id'> = {
      name: name.trim(),
      comparator,
      targetValue: values.targetValue ?? null,
      targetValueMax: comparator === 'between' ? (values.targetValueMax ?? null) : null,
      unit: unit.trim(),
      baselineValue: values.baselineValue ?? null,
      baselineYear: values.baselineYear ?? null,
      targetYear: values.targetYear ?? null,
      valueKind: kind,
      departmentId: departmentId || null,
    };
    const current: Omit<Update, 'id'> = {
      name: indicator.name,
      comparator: indicator.comparator,
      targetValue: indicator.targetValue,
      targetValueMax: indicator.targetValueMax,
      unit: indicator.unit,
      baselineValue: indicator.baselineValue,
      baselineYear: indicator.baselineYear,
      targetYear: indicator.targetYear,
      valueKind: indicator.valueKind,
      departmentId: indicator.departmentId,
    };
    const changed = Object.fromEntries(Object.entries(next).filter(([key, value]) => value !== current[key as keyof typeof current])) as Omit<Update, 'id'>;
    if (Object.keys(changed).length === 0) {
      onClose();
      return;
    }
    const outcome = await form.submit(() => update({ id: indicator.id, ...changed }));
    if (outcome?.ok) onClose();
  };

  const number = (label: string, field: string, value: string, set: (text: string) => void, hint?: string) => (
    <Field label={label} error={form.errors[field]} hint={hint}>
      {(control) => <input {...control} className="input" inputMode="decimal" value={value} onChange={(event) => set(event.target.value)} />}
    </Field>
  );

  return (
    <Modal title={`修改指标：${indicator.name}`} onClose={onClose} busy={form.saving}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="modal-body indicator-edit">
          <Field label="指标名称" error={form.errors.name} required>
            {(control) => <input {...control} className="input" value={name} maxLength={300} onChange={(event) => setName(event.target.value)} />}
          </Field>
          <div className="field-row">
            <Field label="比较方式" error={form.errors.comparator}>
              {(control) => (
                <select {...control} className="input" value={comparator} onChange={(event) => setComparator(event.target.value as Comparator)}>
                  {(Object.keys(comparatorLabels) as Comparator[]).map((c) => (
                    <option key={c} value={c}>
                      {comparatorLabels[c]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {number(comparator === 'between' ? '目标下限' : '目标值', 'targetValue', target, setTarget)}
            {comparator === 'between' ? number('目标上限', 'targetValueMax', targetMax, setTargetMax) : null}
            <Field label="单位" error={form.errors.unit} hint="如 %、‰、/10万、人次">
              {(control) => <input {...control} className="input" value={unit} maxLength={20} onChange={(event) => setUnit(event.target.value)} />}
            </Field>
          </div>
          <div className="field-row">
            {number('基数', 'baselineValue', baseline, setBaseline, '规划起始时的水平，中期评估据此画出进度线')}
            {number('基数年份', 'baselineYear', baselineYear, setBaselineYear)}
            {number('目标年份', 'targetYear', targetYear, setTargetYear)}
          </div>
          <div className="field-row">
            <Field label="指标类型" error={form.errors.valueKind}>
              {(control) => (
                <select {...control} className="input" value={kind} onChange={(event) => setKind(event.target.value as ValueKind)}>
                  {(Object.keys(valueKindLabels) as ValueKind[]).map((k) => (
                    <option key={k} value={k}>
                      {valueKindLabels[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="责任科室" error={form.errors.departmentId}>
              {(control) => (
                <select {...control} className="input" value={departmentId} onChange={(event) => setDepartmentId(event.target.value)}>
                  <option value="">按所属任务的牵头科室</option>
                  {(departments ?? []).map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <p className="field-hint">修改会记入修改记录并随数据包同步；再次导入该计划时，本机改过的内容保持不变。</p>
        </div>
        <FormDialogFooter saving={form.saving} onCancel={onClose} />
      </form>
    </Modal>
  );
}
