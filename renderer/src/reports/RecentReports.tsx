import { useLedger } from '../store/context';
import { clockTime } from '../quarterly/period';
import { formatBytes } from './choice';
import { saveReportAs } from './files';

/** 最近生成: the files made while the app runs; one click shows it again. */
export function RecentReports() {
  const recent = useLedger((s) => s.recentReports);
  const shownId = useLedger((s) => s.shownReportId);
  const showReport = useLedger((s) => s.showReport);

  return (
    <section className="card report-recent" aria-labelledby="report-recent-title">
      <h2 id="report-recent-title" className="card-title">
        最近生成
        {recent.length > 0 ? <span className="card-count">{recent.length}个文件</span> : null}
      </h2>
      {recent.length === 0 ? (
        <p className="muted">本次还没有生成报表。生成的文件会同时保存在本机的报表文件夹中。</p>
      ) : (
        <ul className="report-recent-list" aria-label="最近生成的报表">
          {recent.map((report) => (
            <li key={report.id} className={report.id === shownId ? 'report-recent-shown' : undefined}>
              <button type="button" className="link-button report-recent-name" aria-current={report.id === shownId ? 'true' : undefined} onClick={() => showReport(report.id)}>
                {report.fileName}
              </button>
              <span className="report-recent-meta">
                {clockTime(report.at)} · {formatBytes(report.bytes)}
              </span>
              <button type="button" className="button button-small" aria-label={`另存为 ${report.fileName}`} onClick={() => saveReportAs(report)}>
                另存为…
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
