import { useEffect } from 'react';
import { useLedger, useLedgerStore } from '../store/context';
import { PlanList } from './PlanList';
import { PlanView } from './PlanView';

/** 计划与任务: the plan list, or the open plan. */
export default function TaskLedgerPage() {
  const store = useLedgerStore();
  const openPlanId = useLedger((s) => s.openPlanId);
  const detail = useLedger((s) => s.planDetail);

  useEffect(() => {
    const state = store.getState();
    void state.loadPlans();
    if (state.openPlanId) void state.reloadPlanDetail();
  }, [store]);

  if (!openPlanId) return <PlanList />;
  if (!detail || detail.plan.id !== openPlanId) {
    return (
      <p className="loading" role="status">
        正在打开计划…
      </p>
    );
  }
  return <PlanView detail={detail} />;
}
