import { useEffect, useRef, useState, type FormEvent } from 'react';
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
  /**
   * Keeps what is typed on this PC while the dialog is open: it is offered again after the
   * window was closed or refreshed, and cleared by the store once the review is done.
   */
  readonly draft?: { load(): Promise<string | null>; save(text: string): void };
}

/** How long typing rests before the reason is saved as a draft. */
const DRAFT_DELAY_MS = 400;

/** A small dialog for a required reason: 退回 needs a comment, 解锁 a reason. */
export function ReasonDialog({ title, subject, label, placeholder, confirmLabel, requiredMessage, field, onSubmit, onClose, draft }: ReasonDialogProps) {
  const form = useForm();
  const [text, setText] = useState('');
  const [restored, setRestored] = useState(false);
  const typed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    let live = true;
    void draft?.load().then((saved) => {
      // What the clerk typed meanwhile wins over the stored draft.
      if (!live || !saved || typed.current) return;
      setText(saved);
      setRestored(true);
    });
    return () => {
      live = false;
    };
    // Load once per dialog (the draft's functions are new on every render).
  }, []);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);
  const change = (value: string) => {
    typed.current = true;
    setText(value);
    if (!draft) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => draft.save(value), DRAFT_DELAY_MS);
  };
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
                onChange={(event) => change(event.target.value)}
              />
            )}
          </Field>
          {restored ? <p className="field-hint">已恢复上次未提交的内容</p> : null}
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
