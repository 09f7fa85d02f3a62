import { useEffect } from 'react';
import { useLedger, useLedgerStore } from '../store/context';
import '../styles/import.css';
import { ImportInput } from './ImportInput';
import { ReviewScreen } from './ReviewScreen';

/** 导入计划: read a plan document, review what was found beside the source, save it to the ledger. */
export default function ImportPage() {
  const store = useLedgerStore();
  const preview = useLedger((s) => s.importPreview);
  const draft = useLedger((s) => s.importDraft);
  useEffect(() => {
    // Owner names are matched against the departments: make sure they are loaded.
    if (!store.getState().departments) void store.getState().loadDirectory('departments');
  }, [store]);
  if (preview && draft) return <ReviewScreen preview={preview} draft={draft} />;
  return <ImportInput />;
}
