import type { CallArgs } from '../../../shared/api';
import type { PlanDetail, PlanSummary, Section, Task } from '../../../shared/api/plans';
import { coalesce } from './coalesce';
import type { Outcome, Slice } from './types';

export const PLAN_FIELDS = ['kind', 'title', 'docNumber', 'issuer', 'issuedOn', 'yearFrom', 'yearTo'] as const;
export const SECTION_FIELDS = ['parentId', 'label', 'title'] as const;
export const TASK_FIELDS = ['sectionId', 'number', 'title', 'text', 'deadline', 'leadDepartmentIds', 'responsibleUnits', 'milestones'] as const;

export interface PlansSlice {
  readonly plans: readonly PlanSummary[] | null;
  /** The plan open in 任务台账, or null for the plan list. */
  readonly openPlanId: string | null;
  readonly planDetail: PlanDetail | null;
  loadPlans(): Promise<void>;
  openPlan(id: string | null): Promise<void>;
  reloadPlanDetail(): Promise<void>;
  createPlan(args: CallArgs<'plans.create'>): Promise<Outcome<PlanSummary>>;
  updatePlan(args: CallArgs<'plans.update'>): Promise<Outcome<PlanSummary>>;
  deletePlan(id: string): Promise<Outcome<null>>;
  createSection(args: CallArgs<'sections.create'>): Promise<Outcome<Section>>;
  updateSection(args: CallArgs<'sections.update'>): Promise<Outcome<Section>>;
  deleteSection(id: string): Promise<Outcome<null>>;
  createTask(args: CallArgs<'tasks.create'>): Promise<Outcome<Task>>;
  updateTask(args: CallArgs<'tasks.update'>): Promise<Outcome<Task>>;
  deleteTask(id: string): Promise<Outcome<null>>;
}

export const createPlansSlice: Slice<PlansSlice> = ({ set, get, call }) => {
  const loadPlans = coalesce(async () => {
    const outcome = await call('plans.list', {});
    if (outcome.ok) set({ plans: outcome.value });
  });

  const loadDetail = coalesce(async () => {
    const id = get().openPlanId;
    if (!id) return;
    const outcome = await call('plans.get', { id });
    // The clerk may have moved to another plan while this one loaded.
    if (get().openPlanId !== id) return;
    if (outcome.ok) set({ planDetail: outcome.value });
    else if (outcome.error.code === 'NOT_FOUND') set({ openPlanId: null, planDetail: null });
  });

  /** After any change inside a plan: its task count in the list and the open plan. */
  const refresh = async () => {
    await Promise.all([loadPlans(), loadDetail()]);
  };

  return {
    plans: null,
    openPlanId: null,
    planDetail: null,
    loadPlans,
    openPlan: async (id) => {
      set({ openPlanId: id, planDetail: null });
      if (id) await loadDetail();
    },
    reloadPlanDetail: loadDetail,
    createPlan: async (args) => {
      const outcome = await call('plans.create', args, { fields: PLAN_FIELDS, success: `已新建计划“${args.title.trim()}”` });
      if (outcome.ok) await loadPlans();
      return outcome;
    },
    updatePlan: async (args) => {
      const outcome = await call('plans.update', args, { fields: PLAN_FIELDS, success: '计划信息已保存' });
      if (outcome.ok) await refresh();
      return outcome;
    },
    deletePlan: async (id) => {
      const outcome = await call('plans.delete', { id }, { success: '计划已删除' });
      if (outcome.ok) {
        if (get().openPlanId === id) set({ openPlanId: null, planDetail: null });
        await loadPlans();
      }
      return outcome;
    },
    createSection: async (args) => {
      const outcome = await call('sections.create', args, { fields: SECTION_FIELDS, success: '章节已添加' });
      if (outcome.ok) await refresh();
      return outcome;
    },
    updateSection: async (args) => {
      const outcome = await call('sections.update', args, { fields: SECTION_FIELDS, success: '章节已保存' });
      if (outcome.ok) await refresh();
      return outcome;
    },
    deleteSection: async (id) => {
      const outcome = await call('sections.delete', { id }, { success: '章节已删除，其中的任务已移到计划顶层' });
      if (outcome.ok) await refresh();
      return outcome;
    },
    createTask: async (args) => {
      const outcome = await call('tasks.create', args, { fields: TASK_FIELDS, success: '任务已添加' });
      if (outcome.ok) await refresh();
      return outcome;
    },
    updateTask: async (args) => {
      const outcome = await call('tasks.update', args, { fields: TASK_FIELDS, success: '任务已保存' });
      if (outcome.ok) await refresh();
      return outcome;
    },
    deleteTask: async (id) => {
      const outcome = await call('tasks.delete', { id }, { success: '任务已删除' });
      if (outcome.ok) await refresh();
      return outcome;
    },
  };
};
