import { useMemo, useState, type FormEvent } from 'react';
import type { Section } from '../../../shared/api/plans';
import { useLedger } from '../store/context';
import { TextField } from '../ui/Field';
import { Modal } from '../ui/Modal';
import { useForm } from '../ui/useForm';
import { orderedSections, sectionWithDescendants } from './tree';
import { FormDialogFooter } from '../ui/FormDialogFooter';
import { SectionSelect } from './SectionSelect';

interface SectionFormDialogProps {
  readonly planId: string;
  readonly sections: readonly Section[];
  /** Absent: a new section. */
  readonly section?: Section;
  readonly onClose: () => void;
}

export function SectionFormDialog({ planId, sections, section, onClose }: SectionFormDialogProps) {
  const createSection = useLedger((s) => s.createSection);
  const updateSection = useLedger((s) => s.updateSection);
  const form = useForm();
  const [label, setLabel] = useState(section?.label ?? '');
  const [title, setTitle] = useState(section?.title ?? '');
  const [parentId, setParentId] = useState(section?.parentId ?? '');

  const parents = useMemo(() => {
    const excluded = section ? sectionWithDescendants(sections, section.id) : new Set<string>();
    return orderedSections(sections).filter((node) => !excluded.has(node.section.id));
  }, [sections, section]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = { label, title, parentId: parentId || null };
    const outcome = await form.submit(() => (section ? updateSection({ id: section.id, ...fields }) : createSection({ planId, ...fields })));
    if (outcome?.ok) onClose();
  };

  return (
    <Modal title={section ? '编辑章节' : '新增章节'} onClose={onClose} busy={form.saving}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="modal-body">
          <TextField label="章节序号" hint="可选，例如：一、" value={label} onChange={setLabel} error={form.errors.label} maxLength={20} />
          <TextField
            label="章节标题"
            value={title}
            onChange={setTitle}
            error={form.errors.title}
            placeholder="例如：持续深化医药卫生体制改革"
            required
            maxLength={200}
          />
          <SectionSelect label="上级章节" error={form.errors.parentId} value={parentId} onChange={setParentId} emptyLabel="（无，作为一级章节）" options={parents} />
        </div>
        <FormDialogFooter saving={form.saving} onCancel={onClose} />
      </form>
    </Modal>
  );
}
