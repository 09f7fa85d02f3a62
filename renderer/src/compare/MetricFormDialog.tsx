import { useState, type FormEvent } from 'react';
import { useLedger } from '../store/context';
import { Field, TextField } from '../ui/Field';
import { FormDialogFooter } from '../ui/FormDialogFooter';
import { Modal } from '../ui/Modal';
import { useForm } from '../ui/useForm';

export interface MetricDraft {
  readonly name: string;
  readonly unit: string;
  readonly comparator: '>=' | '<=' | null;
  /** Indicators that become this metric (confirmed links). */
  readonly indicatorIds: readonly string[];
  /** Where they come from, shown to the clerk. */
  readonly offices?: readonly string[];
}

const directions = [
  { value: '>=', label: '越高越好（≥ 目标）' },
  { value: '<=', label: '越低越好（≤ 目标，如死亡率、发病率）' },
  { value: '', label: '不设定（按各单位指标的目标判断）' },
] as const;

/** 新建标准指标: name, unit and direction; the chosen indicators are linked to it at once. */
export function MetricFormDialog({ draft, onClose }: { draft: MetricDraft; onClose: () => void }) {
  const createMetric = useLedger((s) => s.createMetric);
  const form = useForm();
  const [name, setName] = useState(draft.name);
  const [unit, setUnit] = useState(draft.unit);
  const [comparator, setComparator] = useState<string>(draft.comparator ?? '');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await form.submit(() =>
      createMetric({ name, unit, comparator: comparator === '>=' || comparator === '<=' ? comparator : null, indicatorIds: [...draft.indicatorIds] }),
    );
    if (outcome?.ok) onClose();
  };

  return (
    <Modal title="新建标准指标" onClose={onClose} busy={form.saving} size="small">
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="modal-body">
          <TextField label="指标名称" value={name} onChange={setName} error={form.errors.name} placeholder="例如：居民健康素养水平" required maxLength={100} />
          <TextField label="单位" hint="例如：%、‰、/10万、个、人次" value={unit} onChange={setUnit} error={form.errors.unit} maxLength={20} />
          <Field label="方向" error={form.errors.comparator}>
            {(control) => (
              <select {...control} className="input" value={comparator} onChange={(event) => setComparator(event.target.value)}>
                {directions.map((d) => (
                  <option key={d.value} value={d.value}>
                    {d.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {draft.offices && draft.offices.length > 0 ? (
            <p className="metric-form-note">
              将同时对应 {draft.offices.length} 个单位的指标：{draft.offices.join('、')}
            </p>
          ) : null}
        </div>
        <FormDialogFooter saving={form.saving} onCancel={onClose} saveLabel="新建" />
      </form>
    </Modal>
  );
}
