import { useState } from 'react';
import { Modal } from './Modal';

interface ConfirmDialogProps {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  readonly danger?: boolean;
  /** Resolves true when done; the dialog then closes. */
  readonly onConfirm: () => Promise<boolean>;
  readonly onCancel: () => void;
}

/** Asks before something that cannot be taken back; 取消 has the focus so Enter is safe. */
export function ConfirmDialog({ title, message, confirmLabel, danger = true, onConfirm, onCancel }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    const done = await onConfirm();
    setBusy(false);
    if (done) onCancel();
  };
  return (
    <Modal title={title} onClose={onCancel} size="small" busy={busy} role="alertdialog">
      <div className="modal-body">
        <p className="confirm-message">{message}</p>
      </div>
      <div className="modal-footer">
        <button type="button" className="button" onClick={onCancel} disabled={busy} data-autofocus>
          取消
        </button>
        <button type="button" className={`button ${danger ? 'button-danger' : 'button-primary'}`} onClick={() => void confirm()} disabled={busy}>
          {busy ? '正在处理…' : confirmLabel}
        </button>
      </div>
    </Modal>
  );
}

interface DeleteButtonProps {
  /** What is deleted, for the dialog: 任务“…”. */
  readonly what: string;
  readonly detail?: string;
  readonly onDelete: () => Promise<boolean>;
  readonly label?: string;
  readonly className?: string;
}

/** A 删除 button that asks in a Chinese dialog first. */
export function DeleteButton({ what, detail, onDelete, label = '删除', className = 'button button-small button-danger-text' }: DeleteButtonProps) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className={className} onClick={() => setAsking(true)}>
        {label}
      </button>
      {asking ? (
        <ConfirmDialog
          title="确认删除"
          message={`确定要删除${what}吗？${detail ?? ''}删除后可在修改记录中查到。`}
          confirmLabel="删除"
          onConfirm={onDelete}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </>
  );
}
