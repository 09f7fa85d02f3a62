import { workflowLabels, type WorkflowState } from '../../../shared/domain/progress-status';
import '../styles/progress.css';

/** 草稿 / 已提交 / 已退回 / 已审核, or 未填报 when nothing was saved this quarter. */
export function WorkflowBadge({ state }: { state: WorkflowState | null }) {
  return <span className={`workflow workflow-${state ?? 'none'}`}>{state ? workflowLabels[state] : '未填报'}</span>;
}
