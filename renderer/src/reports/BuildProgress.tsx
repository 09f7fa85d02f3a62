import { useLedger } from '../store/context';

/**
 * report.build's bar under the 生成 button. The core counts reading the data as a fraction of
 * its first step, so the bar shows a percentage rather than "0.37 / 2".
 */
export function BuildProgress() {
  const job = useLedger((s) => s.jobs.findLast((j) => j.call === 'report.build'));
  const percent = job && job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : 0;
  const label = job?.label ?? '正在准备';
  return (
    <div className="report-progress-bar">
      <div className="progress-text">
        <span>{label}</span>
        <span className="progress-count">{percent}%</span>
      </div>
      <div className="progress-track" role="progressbar" aria-label="生成进度" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={`${label} ${percent}%`}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
