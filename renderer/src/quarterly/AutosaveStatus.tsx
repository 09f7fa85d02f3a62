import { useLedger } from '../store/context';
import { clockTime } from './period';

/** 「已自动保存 HH:mm」, or that a save is under way, or why it failed. */
export function AutosaveStatus() {
  const pending = useLedger((s) => Object.keys(s.draftPending).length > 0);
  const savedAt = useLedger((s) => s.autosavedAt);
  const error = useLedger((s) => s.autosaveError);
  if (error) {
    return (
      <span className="autosave autosave-error" role="alert">
        {error}
      </span>
    );
  }
  return (
    <span className="autosave" role="status">
      {pending ? '正在自动保存…' : savedAt ? `已自动保存 ${clockTime(savedAt)}` : '填写内容会自动保存为草稿'}
    </span>
  );
}
