import { useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api';
import type { LedgerFilterInput } from '../../../shared/api/ledger';
import type { ReportFile, ReportKind } from '../../../shared/api/reports';
import { usePdfApi } from './pdf-api';
import { printHash } from './print-url';
import './pdf-button.css';

type PdfState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'busy' }
  | { readonly phase: 'saved'; readonly file: ReportFile; readonly folder: string | null; readonly revealError: string | null }
  | { readonly phase: 'browser'; readonly url: string; readonly opened: boolean }
  | { readonly phase: 'failed'; readonly message: string };

const NO_CONNECTION: ApiError = { code: 'INTERNAL', message: '无法连接到数据服务，请确认目标台账程序仍在运行后重试' };

/** The app's own page with the print view's hash: the browser host serves it (with its token) in a new tab. */
function printViewUrl(kind: ReportKind, scope: LedgerFilterInput, date: string | undefined): string {
  const url = new URL(window.location.href);
  url.hash = printHash(kind, scope, { dialog: true, date });
  return url.href;
}

/**
 * 导出 PDF. It always asks the core for report.pdf first: the desktop shell answers it (printToPDF
 * of the print view, saved beside the other reports); the browser host has no shell and answers
 * UNAVAILABLE, so the button opens the print view in a new tab for the browser's own print dialog
 * (另存为 PDF) and, from then on, opens it straight away. No guessing from window globals: the
 * host that answers decides.
 */
export function PdfButton({ kind, scope, date, disabled = false }: { kind: ReportKind; scope: LedgerFilterInput; date?: string | undefined; disabled?: boolean }) {
  const api = usePdfApi();
  const [state, setState] = useState<PdfState>({ phase: 'idle' });
  const printsInBrowser = useRef(false);

  const openInBrowser = () => {
    const url = printViewUrl(kind, scope, date);
    const tab = window.open(url, '_blank');
    setState({ phase: 'browser', url, opened: tab !== null });
  };

  const exportPdf = async () => {
    if (printsInBrowser.current) return openInBrowser();
    setState({ phase: 'busy' });
    const result = await api.invoke('report.pdf', { kind, scope, ...(date ? { date } : {}) }).catch(() => ({ ok: false as const, error: NO_CONNECTION }));
    if (result.ok) return setState({ phase: 'saved', file: result.value, folder: null, revealError: null });
    if (result.error.code !== 'UNAVAILABLE') return setState({ phase: 'failed', message: result.error.message });
    printsInBrowser.current = true;
    openInBrowser();
  };

  const reveal = async (file: ReportFile, path: string) => {
    const result = await api.invoke('report.reveal', { path }).catch(() => ({ ok: false as const, error: NO_CONNECTION }));
    if (!result.ok) return setState({ phase: 'saved', file, folder: null, revealError: result.error.message });
    // A host that cannot open folders says where the file is instead.
    setState({ phase: 'saved', file, folder: result.value.revealed ? null : result.value.folder, revealError: null });
  };

  const busy = state.phase === 'busy';
  return (
    <div className="pdf-export">
      <button type="button" className="button" disabled={disabled || busy} aria-busy={busy} onClick={() => void exportPdf()}>
        {busy ? '正在生成 PDF…' : '导出 PDF'}
      </button>
      {state.phase === 'saved' && (
        <p className="pdf-export-note" role="status">
          已保存 PDF：<span className="pdf-export-file">{state.file.fileName}</span>
          {state.file.savedPath && (
            <button type="button" className="link-button" onClick={() => void reveal(state.file, state.file.savedPath!)}>
              打开所在文件夹
            </button>
          )}
          {state.folder && <span className="pdf-export-folder">位于：{state.folder}</span>}
        </p>
      )}
      {state.phase === 'saved' && state.revealError && (
        <p className="pdf-export-note pdf-export-error" role="alert">
          无法打开文件夹：{state.revealError}
        </p>
      )}
      {state.phase === 'browser' && (
        <p className="pdf-export-note" role="status">
          {state.opened ? '已在新标签页打开打印预览，请在打印对话框中选择“另存为 PDF”。' : '浏览器拦截了新标签页，请点此打开打印预览：'}
          <a href={state.url} target="_blank" rel="noopener noreferrer">
            {state.opened ? '再次打开打印预览' : '打开打印预览'}
          </a>
        </p>
      )}
      {state.phase === 'failed' && (
        <p className="pdf-export-note pdf-export-error" role="alert">
          未能生成 PDF：{state.message}
        </p>
      )}
    </div>
  );
}
