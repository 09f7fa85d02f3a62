import { useState, type FormEvent } from 'react';
import type { PlanSummary } from '../../../shared/api/plans';
import { planKindLabels, planKinds, type PlanKind } from '../../../shared/domain/plan-kinds';
import { useLedger } from '../store/context';
import { DateInput } from '../ui/DateInput';
import { Field, TextField } from '../ui/Field';
import { parseOptionalYear } from '../ui/format';
import { Modal } from '../ui/Modal';
import { useForm } from '../ui/useForm';
import { FormDialogFooter } from '../ui/FormDialogFooter';

interface PlanFormDialogProps {
  /** Absent: a new plan. */
  readonly plan?: PlanSummary;
  readonly onClose: () => void;
  readonly onCreated?: (plan: PlanSummary) => void;
}

const YEAR_ERROR = '年份应为四位数字，例如 2025';

export function PlanFormDialog({ plan, onClose, onCreated }: PlanFormDialogProps) {
  const createPlan = useLedger((s) => s.createPlan);
  const updatePlan = useLedger((s) => s.updatePlan);
  const form = useForm();
  const thisYear = String(new Date().getFullYear());
  const [title, setTitle] = useState(plan?.title ?? '');
  const [kind, setKind] = useState<PlanKind>(plan?.kind ?? 'work-points');
  const [yearFrom, setYearFrom] = useState(plan ? String(plan.yearFrom ?? '') : thisYear);
  const [yearTo, setYearTo] = useState(plan ? String(plan.yearTo ?? '') : thisYear);
  const [docNumber, setDocNumber] = useState(plan?.docNumber ?? '');
  const [issuer, setIssuer] = useState(plan?.issuer ?? '');
  const [issuedOn, setIssuedOn] = useState(plan?.issuedOn ?? '');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const from = parseOptionalYear(yearFrom);
    const to = parseOptionalYear(yearTo);
    if (from === undefined || to === undefined) {
      form.setErrors({ ...(from === undefined ? { yearFrom: YEAR_ERROR } : {}), ...(to === undefined ? { yearTo: YEAR_ERROR } : {}) });
      return;
    }
    const fields = {
      title,
      kind,
      yearFrom: from,
      yearTo: to,
      docNumber: docNumber.trim() || null,
      issuer: issuer.trim() || null,
      issuedOn: issuedOn || null,
    };
    const outcome = await form.submit(() => (plan ? updatePlan({ id: plan.id, ...fields }) : createPlan(fields)));
    if (!outcome?.ok) return;
    onClose();
    if (!plan) onCreated?.(outcome.value as PlanSummary);
  };

  return (
    <Modal title={plan ? '编辑计划信息' : '新建计划'} onClose={onClose} busy={form.saving} size="wide">
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="modal-body form-grid">
          <TextField
            label="计划标题"
            value={title}
            onChange={setTitle}
            error={form.errors.title}
            placeholder="例如：2025年全区卫生健康工作要点"
            required
            maxLength={200}
            className="field-span"
          />
          <Field label="计划类型" error={form.errors.kind}>
            {(control) => (
              <select {...control} className="input" value={kind} onChange={(event) => setKind(event.target.value as PlanKind)}>
                {planKinds.map((k) => (
                  <option key={k} value={k}>
                    {planKindLabels[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="field-pair">
            <TextField label="起始年份" value={yearFrom} onChange={setYearFrom} error={form.errors.yearFrom} inputMode="numeric" maxLength={4} />
            <TextField label="结束年份" value={yearTo} onChange={setYearTo} error={form.errors.yearTo} inputMode="numeric" maxLength={4} />
          </div>
          <TextField label="文号" hint="可选" value={docNumber} onChange={setDocNumber} error={form.errors.docNumber} placeholder="例如：渝北卫发〔2025〕1号" maxLength={60} />
          <TextField label="印发单位" hint="可选" value={issuer} onChange={setIssuer} error={form.errors.issuer} maxLength={60} />
          <Field label="印发日期" hint="可选" error={form.errors.issuedOn}>
            {(control) => <DateInput {...control} value={issuedOn} onChange={setIssuedOn} />}
          </Field>
        </div>
        <FormDialogFooter saving={form.saving} onCancel={onClose} saveLabel={plan ? '保存' : '创建计划'} />
      </form>
    </Modal>
  );
}
