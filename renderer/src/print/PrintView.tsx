import { useEffect, useState } from 'react';
import type { ApiError, LedgerApi } from '../../../shared/api';
import type { ReportKind, ReportModel } from '../../../shared/api/reports';
import { reportKindLabels } from '../../../shared/api/reports';
import { reportBaseName } from '../../../shared/reports/file-name';
import { IndicatorsPrint } from './IndicatorsPrint';
import { LedgerPrint } from './LedgerPrint';
import { RemindersPrint } from './RemindersPrint';
import { SummaryPrint } from './SummaryPrint';
import { parsePrintHash } from './print-url';
import { markFailed, markLongRows, markReady, whenLaidOut } from './ready';
import './print.css';

type State = { readonly phase: 'loading' } | { readonly phase: 'failed'; readonly error: Pick<ApiError, 'code' | 'message'> } | { readonly phase: 'ready'; readonly model: ReportModel };

/** `date`: the 情况报告's 落款 date (YYYY-MM-DD); absent: the day the data was read. */
export function PrintDocument({ kind, model, date }: { kind: ReportKind; model: ReportModel; date?: string | undefined }) {
  switch (kind) {
    case 'ledger':
      return <LedgerPrint model={model} />;
    case 'indicators':
      return <IndicatorsPrint model={model} />;
    case 'reminders':
      return <RemindersPrint model={model} />;
    case 'summary':
      return <SummaryPrint model={model} date={date} />;
  }
}

/** Shown on screen only (the browser host's tab): what this is and how to get a PDF from it. */
function PrintToolbar({ kind, onPrint }: { kind: ReportKind; onPrint: () => void }) {
  return (
    <div className="print-toolbar" role="toolbar" aria-label="打印">
      <strong>打印预览：{reportKindLabels[kind]}</strong>
      <span className="print-toolbar-hint">在打印对话框中选择“另存为 PDF”即可保存为 PDF 文件</span>
      <button type="button" className="button button-primary" onClick={onPrint}>
        打印
      </button>
    </div>
  );
}

const browserPrint = () => window.print();

/**
 * The print view: reads report.model for the kind and scope in the hash, lays the document out
 * for A4, and signals when it is ready (or why it failed) on <html>.
 */
export function PrintView({ api, hash, print = browserPrint }: { api: LedgerApi; hash: string; print?: () => void }) {
  const [parsed] = useState(() => parsePrintHash(hash));
  const [state, setState] = useState<State>(() => (parsed.ok ? { phase: 'loading' } : { phase: 'failed', error: { code: 'INVALID_ARGUMENT', message: parsed.message } }));

  useEffect(() => {
    if (!parsed.ok) return;
    let cancelled = false;
    const { kind, scope } = parsed.request;
    api
      .invoke('report.model', { kind, scope })
      .catch((): { ok: false; error: ApiError } => ({ ok: false, error: { code: 'INTERNAL', message: '无法连接到数据服务，打印视图未能读取报表数据' } }))
      .then((result) => {
        if (cancelled) return;
        setState(result.ok ? { phase: 'ready', model: result.value } : { phase: 'failed', error: result.error });
      });
    return () => {
      cancelled = true;
    };
  }, [api, parsed]);

  useEffect(() => {
    if (state.phase === 'failed') markFailed(document, state.error);
    if (state.phase !== 'ready' || !parsed.ok) return;
    document.title = reportBaseName(state.model, parsed.request.kind);
    let cancelled = false;
    // A font or image that fails to load is printed with its fallback: never wait forever.
    void whenLaidOut(document)
      .catch(() => undefined)
      .then(() => {
        if (cancelled) return;
        markLongRows(document);
        markReady(document);
        if (parsed.request.dialog) print();
      });
    return () => {
      cancelled = true;
    };
  }, [state, parsed, print]);

  const kind = parsed.ok ? parsed.request.kind : null;
  return (
    <div className="print-root">
      {kind && <PrintToolbar kind={kind} onPrint={print} />}
      {state.phase === 'loading' && (
        <p className="print-status" role="status">
          正在排版…
        </p>
      )}
      {state.phase === 'failed' && (
        <p className="print-status print-error" role="alert">
          无法生成打印视图：{state.error.message}
        </p>
      )}
      {state.phase === 'ready' && kind && parsed.ok && <PrintDocument kind={kind} model={state.model} date={parsed.request.date} />}
    </div>
  );
}
