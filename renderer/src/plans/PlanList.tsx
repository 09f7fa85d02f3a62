import { useState } from 'react';
import { planKindLabels } from '../../../shared/domain/plan-kinds';
import { useLedger } from '../store/context';
import { EmptyState } from '../ui/EmptyState';
import { yearsLabel } from '../ui/format';
import { PlanFormDialog } from './PlanFormDialog';

/** All plans, newest years first, with 新建计划. */
export function PlanList() {
  const plans = useLedger((s) => s.plans);
  const openPlan = useLedger((s) => s.openPlan);
  const [creating, setCreating] = useState(false);
  const newButton = (
    <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
      新建计划
    </button>
  );
  return (
    <section className="page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" className="page-title">
          计划与任务
        </h1>
        {plans && plans.length > 0 ? newButton : null}
      </div>
      <div className="card">
        {plans === null ? (
          <p className="loading" role="status">
            正在读取计划…
          </p>
        ) : plans.length === 0 ? (
          <EmptyState title="还没有计划" action={newButton}>
            点“新建计划”，填写计划标题（如“2025年全区卫生健康工作要点”），然后在计划中录入章节和任务。
          </EmptyState>
        ) : (
          <table className="table" aria-label="计划列表">
            <thead>
              <tr>
                <th scope="col">计划标题</th>
                <th scope="col">类型</th>
                <th scope="col">年度</th>
                <th scope="col" className="col-count">
                  任务数
                </th>
              </tr>
            </thead>
            <tbody>
              {plans.map((plan) => (
                <tr key={plan.id}>
                  <td>
                    <button type="button" className="link-button plan-link" onClick={() => void openPlan(plan.id)}>
                      {plan.title || '（未命名计划）'}
                    </button>
                    {plan.docNumber ? <span className="muted plan-doc">{plan.docNumber}</span> : null}
                  </td>
                  <td>{planKindLabels[plan.kind]}</td>
                  <td>{yearsLabel(plan.yearFrom, plan.yearTo)}</td>
                  <td className="col-count">{plan.taskCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {creating ? <PlanFormDialog onClose={() => setCreating(false)} onCreated={(plan) => void openPlan(plan.id)} /> : null}
    </section>
  );
}
