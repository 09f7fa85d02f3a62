import { useId, useRef, useState } from 'react';
import type { Attachment } from '../../../shared/api/progress';
import { fileToBase64 } from '../imports/base64';
import { useLedger } from '../store/context';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ATTACHMENT_ACCEPT, attachmentProblem, downloadBase64, sizeText } from './attachments';

interface AttachmentListProps {
  readonly attachments: readonly Attachment[];
  /** Where a new file goes; absent: the list is read-only. */
  readonly taskId?: string;
  /** 第3项, for the labels of the controls. */
  readonly taskLabel: string;
}

function OpenLink({ attachment }: { attachment: Attachment }) {
  const read = useLedger((s) => s.readAttachment);
  const [opening, setOpening] = useState(false);
  const open = async () => {
    setOpening(true);
    const outcome = await read(attachment.id);
    setOpening(false);
    if (outcome.ok) downloadBase64(outcome.value.fileName, outcome.value.mime, outcome.value.contentBase64);
  };
  return (
    <button type="button" className="link-button attachment-name" disabled={opening} onClick={() => void open()} title="打开（下载到本机）">
      {attachment.fileName}
    </button>
  );
}

/** 佐证材料: the files attached to this quarter's report; open, add and remove. */
export function AttachmentList({ attachments, taskId, taskLabel }: AttachmentListProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const add = useLedger((s) => s.addAttachment);
  const remove = useLedger((s) => s.removeAttachment);
  const busy = useLedger((s) => (taskId ? s.attachmentBusy[taskId] === true : false));
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const editable = taskId !== undefined;

  const onFiles = async (files: FileList | null) => {
    setError(null);
    for (const file of [...(files ?? [])]) {
      const problem = attachmentProblem(file.name, file.size);
      if (problem) {
        setError(problem);
        continue;
      }
      const outcome = await add(taskId!, file.name, await fileToBase64(file));
      if (!outcome.ok) setError(outcome.error.fields?.contentBase64 ?? outcome.error.fields?.fileName ?? outcome.error.message);
    }
    if (input.current) input.current.value = '';
  };

  if (!editable && attachments.length === 0) return null;
  return (
    <div className="attachments">
      <span className="attachments-label" id={`${id}-label`}>
        佐证材料
      </span>
      {attachments.length > 0 ? (
        <ul className="attachment-list" aria-labelledby={`${id}-label`}>
          {attachments.map((attachment) => (
            <li key={attachment.id} className="attachment">
              <OpenLink attachment={attachment} />
              <span className="attachment-size">{sizeText(attachment.size)}</span>
              {editable ? (
                <button type="button" className="icon-button attachment-remove" aria-label={`删除佐证材料 ${attachment.fileName}`} title="删除" onClick={() => setRemoving(attachment)}>
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <span className="attachments-none">暂无</span>
      )}
      {editable ? (
        <>
          <input
            ref={input}
            type="file"
            className="visually-hidden"
            tabIndex={-1}
            multiple
            accept={ATTACHMENT_ACCEPT}
            aria-label={`为${taskLabel}选择佐证材料`}
            onChange={(event) => void onFiles(event.target.files)}
          />
          <button type="button" className="button button-small" disabled={busy} onClick={() => input.current?.click()}>
            {busy ? '正在添加…' : '添加佐证材料'}
          </button>
          <span className="attachments-hint">PDF、Word、Excel、图片，单个不超过20MB</span>
        </>
      ) : null}
      {error ? (
        <p className="field-error attachments-error" role="alert">
          {error}
        </p>
      ) : null}
      {removing ? (
        <ConfirmDialog
          title="删除佐证材料"
          message={`确定要删除佐证材料“${removing.fileName}”吗？`}
          confirmLabel="删除"
          onConfirm={() => remove(removing.id)}
          onCancel={() => setRemoving(null)}
        />
      ) : null}
    </div>
  );
}
