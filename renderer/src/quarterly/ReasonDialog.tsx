import { useState, type FormEvent } from 'react';
import type { Outcome } from '../store';
import { Field } from '../ui/Field';
import { Modal } from '../ui/Modal';
import { useForm } from '../ui/useForm';

interface ReasonDialogProps {
  readonly title: string;
  /** What the entry is, shown above the box. */
  readonly subject: string;
  readonly label: string;
  readonly placeholder: string;
  readonly confirmLabel: string;
  /** Shown when the box is left empty. */
  readonly requiredMessage: string;
  /** The argument name the core uses for the text (`comment`, `reason`). */
  readonly field: string;
  readonly onSubmit: (text: string) => Promise<Outcome<unknown>>;
  readonly onClose: () => void;
}

/** A small dialog for a required reason: 退回 needs a comment, 解锁 a reason. */
export function ReasonDialog({ title, subject, label, placeholder, confirmLabel, requiredMessage, field, onSubmit, onClose }: ReasonDialogProps) {
  const form = useForm();
  const [text, setText] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      form.setErrors({ [field]: requiredMessage });
      return;
    }
    const outcome = await form.submit(() => onSubmit(text.trim()));
    if (outcome?.ok) onClose();
  };
  return (
    <Modal title={title} onClose={onClose} busy={form.saving}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="modal-body">
          <p className="reason-subject">{subject}</p>
          <Field label={label} error={form.errors[field]} required>
            {(control) => (
              <textarea
                {...control}
                className="input textarea"
                rows={4}
                maxLength={1000}
                value={text}
                placeholder={placeholder}
                autoFocus
                onChange={(event) => setText(event.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="modal-footer">
          <button type="button" className="button" onClick={onClose} disabled={form.saving}>
            取消
          </button>
          <button type="submit" className="button button-primary" disabled={form.saving}>
            {form.saving ? '正在处理…' : confirmLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
