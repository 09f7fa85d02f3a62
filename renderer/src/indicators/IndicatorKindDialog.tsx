import { useState, type FormEvent } from 'react';
import type { IndicatorRow } from '../../../shared/api/progress';
import { valueKindLabels, type ValueKind } from '../../../shared/domain/lights';
import { useLedger } from '../store/context';
import { Field } from '../ui/Field';
import { Modal } from '../ui/Modal';
import { useForm } from '../ui/useForm';
import { accumulationLabels, valueKindChecks } from './kinds';
import { FormDialogFooter } from '../ui/FormDialogFooter';

/** 指标类型 and 累计方式, each with what it means for checking and colouring values. */
export function IndicatorKindDialog({ indicator, onClose }: { indicator: IndicatorRow; onClose: () => void }) {
  const update = useLedger((s) => s.updateIndicator);
  const form = useForm();
  const [kind, setKind] = useState<ValueKind>(indicator.valueKind);
  const [accumulation, setAccumulation] = useState(indicator.accumulation);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await form.submit(() => update({ id: indicator.id, valueKind: kind, accumulation }));
    if (outcome?.ok) onClose();
  };
  return (
    <Modal title={`指标类型：${indicator.name}`} onClose={onClose} busy={form.saving}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="modal-body">
          <Field label="指标类型" error={form.errors.valueKind} hint={`检查：${valueKindChecks[kind]}`}>
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
          <fieldset className="field">
            <legend className="field-label">累计方式</legend>
            {(['point', 'cumulative'] as const).map((value) => (
              <label key={value} className="radio kind-radio">
                <input type="radio" name="accumulation" checked={accumulation === value} onChange={() => setAccumulation(value)} />
                {accumulationLabels[value]}
              </label>
            ))}
            {form.errors.accumulation ? (
              <p className="field-error" role="alert">
                {form.errors.accumulation}
              </p>
            ) : null}
          </fieldset>
        </div>
        <FormDialogFooter saving={form.saving} onCancel={onClose} />
      </form>
    </Modal>
  );
}
