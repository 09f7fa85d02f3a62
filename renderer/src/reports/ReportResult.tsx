import { useState } from 'react';
import { reportKindLabels } from '../../../shared/api/reports';
import { PdfButton } from '../print/PdfButton';
import { useLedger } from '../store/context';
import type { GeneratedReport } from '../store/reports';
import { formatDateTime } from '../ui/format';
import { formatBytes } from './choice';
import { saveReportAs } from './files';

/** The file just made: what it holds, where it was saved, 另存为…, 打开所在文件夹 and PDF. */
export function ReportResult({ report }: { report: GeneratedReport }) {
  const revealReport = useLedger((s) => s.revealReport);
  const building = useLedger((s) => s.reportBuilding);
  // The browser cannot open a folder: show its path instead, for the clerk to open in Explorer.
  const [folder, setFolder] = useState<{ id: number; path: string } | null>(null);
  const shownFolder = folder?.id === report.id ? folder.path : null;

  const reveal = async () => {
    if (!report.savedPath) return;
    const outcome = await revealReport(report.savedPath);
    if (outcome.ok && !outcome.value.revealed) setFolder({ id: report.id, path: outcome.value.folder });
  };

  return (
    <section className="card report-result" aria-labelledby="report-result-title">
      <h2 id="report-result-title" className="card-title">
        已生成
        <span className="card-count">{reportKindLabels[report.kind]}</span>
      </h2>
      <p className="report-result-name">
        <span className={`report-badge report-badge-${report.format}`} aria-hidden="true">
          {report.format.toUpperCase()}
        </span>
        <span className="report-result-file">{report.fileName}</span>
      </p>
      <p className="report-result-summary">{report.summary}</p>
      <dl className="report-facts">
        <dt>大小</dt>
        <dd>{formatBytes(report.bytes)}</dd>
        <dt>生成时间</dt>
        <dd>{formatDateTime(report.at)}</dd>
        <dt>保存位置</dt>
        <dd className="report-path">{report.savedPath ?? '未保存到本机，请点“另存为…”保存'}</dd>
      </dl>
      <div className="toolbar report-result-actions">
        <button type="button" className="button button-primary" onClick={() => saveReportAs(report)}>
          另存为…
        </button>
        {report.savedPath ? (
          <button type="button" className="button" onClick={() => void reveal()}>
            打开所在文件夹
          </button>
        ) : null}
        {report.kind === 'ledger' || report.kind === 'summary' ? <PdfButton kind={report.kind} scope={report.scope} date={report.date ?? undefined} disabled={building} /> : null}
      </div>
      {shownFolder ? (
        <p className="report-folder" role="status">
          浏览器中无法直接打开文件夹，请在资源管理器中打开：
          <code className="report-path">{shownFolder}</code>
        </p>
      ) : null}
    </section>
  );
}
