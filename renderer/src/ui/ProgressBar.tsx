import type { CallName } from '../../../shared/api';
import { useLedger } from '../store/context';

interface ProgressBarProps {
  /** Show only this call's jobs (a page's own bar). */
  readonly only?: CallName;
  /** Leave this call's jobs to the page that shows them itself. */
  readonly except?: CallName | null;
}

/** The newest long job's progress, across the top of the page. */
export function ProgressBar({ only, except = null }: ProgressBarProps) {
  const job = useLedger((s) => s.jobs.findLast((j) => (only ? j.call === only : j.call !== except)));
  if (!job) return null;
  const percent = job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : 0;
  return (
    <div className={`progress${only ? ' progress-local' : ''}`}>
      <div className="progress-text">
        <span>{job.label}</span>
        <span className="progress-count">
          {job.done} / {job.total}
        </span>
      </div>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={job.label}
        aria-valuemin={0}
        aria-valuemax={job.total}
        aria-valuenow={job.done}
        aria-valuetext={`${job.done} / ${job.total}`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
