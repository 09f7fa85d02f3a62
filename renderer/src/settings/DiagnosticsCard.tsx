import { useState } from 'react';
import { diagnosticsContents, type DiagnosticsFile } from '../../../shared/api/diagnostics';
import { usePdfApi } from '../print/pdf-api';
import { downloadBase64, sizeText } from '../quarterly/attachments';
import { BROKEN_TRANSPORT } from '../store/invoke';

type Outcome = { readonly kind: 'done'; readonly file: DiagnosticsFile } | { readonly kind: 'error'; readonly message: string };

/**
 * 导出诊断信息: logs and versions zipped for support staff, never plan data. A direct contract call
 * (the app's bridge that main.tsx provides for calls outside the store), saved as a download.
 */
export function DiagnosticsCard() {
  const api = usePdfApi();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const exportDiagnostics = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await api.invoke('diagnostics.export', {});
      if (result.ok) {
        downloadBase64(result.value.fileName, 'application/zip', result.value.contentBase64);
        setOutcome({ kind: 'done', file: result.value });
      } else {
        setOutcome({ kind: 'error', message: result.error.message });
      }
    } catch {
      setOutcome({ kind: 'error', message: BROKEN_TRANSPORT });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title" className="card-title">
        诊断信息
      </h2>
      <p className="card-note">程序出错或运行异常时，导出诊断信息发给技术支持，便于查找原因。压缩包中包括：</p>
      <ul className="diagnostics-contents">
        {diagnosticsContents.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p className="card-note">不含任何计划、任务、进展、指标数值或佐证材料的内容，也不含本机密钥。</p>
      <div className="toolbar">
        <button type="button" className="button" disabled={busy} onClick={() => void exportDiagnostics()}>
          {busy ? '正在导出…' : '导出诊断信息'}
        </button>
        {outcome?.kind === 'done' && (
          <p className="toolbar-note" role="status">
            已导出“{outcome.file.fileName}”（{sizeText(outcome.file.bytes)}）。数据库完整性检查：
            {outcome.file.integrity === 'ok' ? '通过' : '发现问题，请将诊断信息发给技术支持'}
          </p>
        )}
      </div>
      {outcome?.kind === 'error' && (
        <p className="field-error" role="alert">
          {outcome.message}
        </p>
      )}
    </section>
  );
}
