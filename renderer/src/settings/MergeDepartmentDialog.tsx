import { useState, type FormEvent } from 'react';
import type { DirectoryEntry } from '../../../shared/api/directory';
import { useLedger } from '../store/context';
import { Field } from '../ui/Field';
import { FormDialogFooter } from '../ui/FormDialogFooter';
import { Modal } from '../ui/Modal';
import { useForm } from '../ui/useForm';

/**
 * Two records for one 科室 (e.g. 疾控科 and 疾病预防控制科): merge one into the other. Its
 * entries, led tasks, indicators and names move to the target; the merge reaches every PC
 * with the next data package.
 */
export function MergeDepartmentDialog({ entry, onClose }: { entry: DirectoryEntry; onClose: () => void }) {
  const departments = useLedger((s) => s.departments) ?? [];
  const merge = useLedger((s) => s.mergeDepartments);
  const form = useForm();
  const others = departments.filter((d) => d.id !== entry.id);
  const [intoId, setIntoId] = useState(others[0]?.id ?? '');
  const into = others.find((d) => d.id === intoId);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!into) return;
    const outcome = await form.submit(() => merge({ fromId: entry.id, intoId: into.id }, { from: entry.name, into: into.name }));
    if (outcome?.ok) onClose();
  };
  return (
    <Modal title={`合并科室“${entry.name}”`} onClose={onClose} busy={form.saving}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="modal-body">
          <Field label="合并到" error={form.errors.intoId}>
            {(control) => (
              <select {...control} className="input" value={intoId} onChange={(event) => setIntoId(event.target.value)}>
                {others.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p className="card-note">
            “{entry.name}”的季度进展、佐证材料、牵头任务和指标将转到“{into?.name ?? ''}”，“{entry.name}”及其别名成为“{into?.name ?? ''}”的别名。
            两个科室同一任务同一季度都有填报的，保留“{into?.name ?? ''}”的内容，“{entry.name}”的文字保存在修改记录中。合并会随数据包发到各科室电脑，
            原属“{entry.name}”的科室电脑将改为“{into?.name ?? ''}”填报。
          </p>
        </div>
        <FormDialogFooter saving={form.saving} onCancel={onClose} saveLabel="合并" />
      </form>
    </Modal>
  );
}
