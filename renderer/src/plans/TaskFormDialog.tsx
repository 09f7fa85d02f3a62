import { useMemo, useState, type FormEvent } from 'react';
import type { PlanDetail, Task } from '../../../shared/api/plans';
import { useLedger } from '../store/context';
import { Field, TextField } from '../ui/Field';
import { Modal } from '../ui/Modal';
import { useForm } from '../ui/useForm';
import { DepartmentPicker } from './DepartmentPicker';
import { nextTaskNumber, orderedSections } from './tree';
import { addEntries, UnitEntries } from './UnitEntries';
import { FormDialogFooter } from '../ui/FormDialogFooter';
import { SectionSelect } from './SectionSelect';
import { MilestoneFields } from './MilestoneFields';
import { milestoneQuarters, milestoneRowErrors, milestonesToSave, type MilestoneDraft } from './milestone-rows';

interface TaskFormDialogProps {
  readonly detail: PlanDetail;
  /** Absent: a new task. */
  readonly task?: Task;
  /** The section a new task goes into. */
  readonly sectionId?: string | null;
  readonly onClose: () => void;
}

export function TaskFormDialog({ detail, task, sectionId = null, onClose }: TaskFormDialogProps) {
  const createTask = useLedger((s) => s.createTask);
  const updateTask = useLedger((s) => s.updateTask);
  const departments = useLedger((s) => s.departments);
  const units = useLedger((s) => s.units);
  const form = useForm();
  const [number, setNumber] = useState(task?.number ?? nextTaskNumber(detail.tasks));
  const [title, setTitle] = useState(task?.title ?? '');
  const [text, setText] = useState(task?.text ?? '');
  const [section, setSection] = useState(task ? (task.sectionId ?? '') : (sectionId ?? ''));
  const [leads, setLeads] = useState<string[]>(task ? [...task.leadDepartmentIds] : []);
  const [responsible, setResponsible] = useState<string[]>(task ? [...task.responsibleUnits] : []);
  const [unitDraft, setUnitDraft] = useState('');
  const [deadline, setDeadline] = useState(task?.deadline ?? '');
  const sectionOptions = useMemo(() => orderedSections(detail.sections), [detail.sections]);
  const [milestones, setMilestones] = useState<Record<string, MilestoneDraft>>(() =>
    Object.fromEntries((task?.milestones ?? []).map((m) => [m.period, { period: m.period, text: m.text, percent: m.percent === null ? '' : String(m.percent) }])),
  );
  const [milestoneErrors, setMilestoneErrors] = useState<Record<string, string>>({});
  const quarters = useMemo(() => milestoneQuarters(deadline, detail.plan, Object.values(milestones)), [deadline, detail.plan, milestones]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const rowErrors = milestoneRowErrors(Object.values(milestones));
    setMilestoneErrors(rowErrors);
    if (Object.keys(rowErrors).length > 0) {
      form.setErrors({ milestones: '节点目标有误，请按提示修改后再保存' });
      return;
    }
    const allUnits = addEntries(responsible, unitDraft);
    setResponsible(allUnits);
    setUnitDraft('');
    const fields = {
      number,
      title,
      text,
      sectionId: section || null,
      leadDepartmentIds: leads,
      responsibleUnits: allUnits,
      deadline: deadline.trim() || null,
      // Rows of quarters no longer in the task's years are kept only when filled (they show as extra rows).
      milestones: milestonesToSave(Object.values(milestones)),
    };
    const outcome = await form.submit(() => (task ? updateTask({ id: task.id, ...fields }) : createTask({ planId: detail.plan.id, ...fields })));
    if (outcome?.ok) onClose();
  };

  return (
    <Modal title={task ? '编辑任务' : '新增任务'} onClose={onClose} busy={form.saving} size="wide">
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="modal-body form-grid">
          <TextField label="序号" value={number} onChange={setNumber} error={form.errors.number} maxLength={20} className="field-narrow" />
          <SectionSelect label="所属章节" error={form.errors.sectionId} value={section} onChange={setSection} emptyLabel="（不属于任何章节）" options={sectionOptions} />
          <TextField
            label="任务名称"
            value={title}
            onChange={setTitle}
            error={form.errors.title}
            placeholder="例如：推进家庭医生签约服务"
            required
            autoFocus
            maxLength={300}
            className="field-span"
          />
          <Field label="任务内容" hint="可选，工作要点中的原文，包括目标要求" error={form.errors.text} className="field-span">
            {(control) => <textarea {...control} className="input textarea" rows={4} value={text} onChange={(event) => setText(event.target.value)} />}
          </Field>
          <div className="field-span">
            <DepartmentPicker departments={departments ?? []} value={leads} onChange={setLeads} error={form.errors.leadDepartmentIds} />
          </div>
          <div className="field-span">
            <UnitEntries
              units={units ?? []}
              value={responsible}
              onChange={setResponsible}
              draft={unitDraft}
              onDraftChange={setUnitDraft}
              error={form.errors.responsibleUnits}
            />
          </div>
          <TextField
            label="完成时限"
            hint="可选，照原文填写"
            value={deadline}
            onChange={setDeadline}
            error={form.errors.deadline}
            placeholder="例如：2025年12月底前、长期坚持"
            maxLength={60}
          />
          <MilestoneFields
            quarters={quarters}
            value={milestones}
            onChange={(period, draft) => setMilestones((current) => ({ ...current, [period]: draft }))}
            error={form.errors.milestones}
            rowErrors={milestoneErrors}
          />
        </div>
        <FormDialogFooter saving={form.saving} onCancel={onClose} saveLabel="保存任务" />
      </form>
    </Modal>
  );
}
