import { useState } from 'react';
import type { PlanSummary } from '../../../shared/api/plans';
import { planKindLabels } from '../../../shared/domain/plan-kinds';
import { useLedger } from '../store/context';
import { DeleteButton } from '../ui/ConfirmDialog';
import { formatChineseDate, yearsLabel } from '../ui/format';
import { PlanFormDialog } from './PlanFormDialog';

/** Title and facts of the open plan, with its own actions. */
export function PlanHeader({ plan }: { plan: PlanSummary }) {
  const deletePlan = useLedger((s) => s.deletePlan);
  const openHistory = useLedger((s) => s.openHistory);
  const [editing, setEditing] = useState(false);
  return (
    <div className="card plan-header">
      <div className="plan-header-main">
        <h1 id="page-title" className="page-title plan-title">
          {plan.title}
        </h1>
        <dl className="plan-facts">
          <div>
            <dt>类型</dt>
            <dd>{planKindLabels[plan.kind]}</dd>
          </div>
          <div>
            <dt>年度</dt>
            <dd>{yearsLabel(plan.yearFrom, plan.yearTo)}</dd>
          </div>
          <div>
            <dt>任务数</dt>
            <dd>{plan.taskCount}</dd>
          </div>
          {plan.docNumber ? (
            <div>
              <dt>文号</dt>
              <dd>{plan.docNumber}</dd>
            </div>
          ) : null}
          {plan.issuer ? (
            <div>
              <dt>印发单位</dt>
              <dd>{plan.issuer}</dd>
            </div>
          ) : null}
          {plan.issuedOn ? (
            <div>
              <dt>印发日期</dt>
              <dd>{formatChineseDate(plan.issuedOn)}</dd>
            </div>
          ) : null}
        </dl>
      </div>
      <div className="row-actions">
        <button type="button" className="button" onClick={() => setEditing(true)}>
          编辑计划信息
        </button>
        <button type="button" className="button" onClick={() => void openHistory({ table: 'plans', id: plan.id, title: `计划“${plan.title}”` })}>
          修改记录
        </button>
        <DeleteButton
          what={`计划“${plan.title}”`}
          detail={`其中的全部章节和 ${plan.taskCount} 项任务将一并删除。`}
          label="删除计划"
          className="button button-danger-text"
          onDelete={async () => (await deletePlan(plan.id)).ok}
        />
      </div>
      {editing ? <PlanFormDialog plan={plan} onClose={() => setEditing(false)} /> : null}
    </div>
  );
}
