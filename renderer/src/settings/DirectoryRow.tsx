import { useState, type FormEvent } from 'react';
import type { DirectoryEntry } from '../../../shared/api/directory';
import { isOfficePc } from '../app/pc-role';
import { useLedger } from '../store/context';
import { directoryNoun, type DirectoryKind } from '../store/directory';
import { DeleteButton } from '../ui/ConfirmDialog';
import { TextField } from '../ui/Field';
import { joinList, splitList } from '../ui/format';
import { Modal } from '../ui/Modal';
import { useForm } from '../ui/useForm';
import { MergeDepartmentDialog } from './MergeDepartmentDialog';
import { FormDialogFooter } from '../ui/FormDialogFooter';

function EditEntryDialog({ kind, entry, onClose }: { kind: DirectoryKind; entry: DirectoryEntry; onClose: () => void }) {
  const updateEntry = useLedger((s) => s.updateEntry);
  const form = useForm();
  const [name, setName] = useState(entry.name);
  const [aliases, setAliases] = useState(joinList(entry.aliases));
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await form.submit(() => updateEntry(kind, { id: entry.id, name, aliases: splitList(aliases) }));
    if (outcome?.ok) onClose();
  };
  return (
    <Modal title={`编辑${directoryNoun[kind]}`} onClose={onClose} busy={form.saving}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="modal-body">
          <TextField label="名称" value={name} onChange={setName} error={form.errors.name} required maxLength={40} />
          <TextField label="别名" hint="多个用“、”或逗号分隔" value={aliases} onChange={setAliases} error={form.errors.aliases} />
        </div>
        <FormDialogFooter saving={form.saving} onCancel={onClose} />
      </form>
    </Modal>
  );
}

export function DirectoryRow({ kind, entry }: { kind: DirectoryKind; entry: DirectoryEntry }) {
  const deleteEntry = useLedger((s) => s.deleteEntry);
  const openHistory = useLedger((s) => s.openHistory);
  const [editing, setEditing] = useState(false);
  const [merging, setMerging] = useState(false);
  // The office keeps the list: merging is its job.
  const canMerge = useLedger((s) => kind === 'departments' && isOfficePc(s) && (s.departments?.length ?? 0) > 1);
  const noun = directoryNoun[kind];
  return (
    <tr>
      <td className="col-name">{entry.name}</td>
      <td>
        {entry.aliases.length > 0 ? (
          <ul className="chips" aria-label="别名">
            {entry.aliases.map((alias) => (
              <li key={alias} className="chip">
                {alias}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">无</span>
        )}
      </td>
      <td className="col-actions">
        <div className="row-actions">
          <button type="button" className="button button-small" onClick={() => setEditing(true)}>
            编辑
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => void openHistory({ table: kind, id: entry.id, title: `${noun}“${entry.name}”` })}
          >
            修改记录
          </button>
          {canMerge ? (
            <button type="button" className="button button-small" onClick={() => setMerging(true)}>
              合并到…
            </button>
          ) : null}
          <DeleteButton
            what={`${noun}“${entry.name}”`}
            detail={kind === 'departments' ? '已指定它为牵头科室的任务将显示“已删除的科室”。' : ''}
            onDelete={async () => (await deleteEntry(kind, entry.id)).ok}
          />
        </div>
        {editing ? <EditEntryDialog kind={kind} entry={entry} onClose={() => setEditing(false)} /> : null}
        {merging ? <MergeDepartmentDialog entry={entry} onClose={() => setMerging(false)} /> : null}
      </td>
    </tr>
  );
}
