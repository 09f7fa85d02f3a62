import { describe, expect, it } from 'vitest';
import type { Entry, SheetTask } from '../../shared/api/progress';
import { cardSaveLabel, cardSaveState } from '../../renderer/src/quarterly/card-state';
import { emptyForm, formFromFields, type EntryForm } from '../../renderer/src/quarterly/entry-form';
import { submitMessage, submitPlan } from '../../renderer/src/quarterly/submit-plan';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const entry = (overrides: Partial<Entry> = {}): Entry => ({
  id: id(50),
  taskId: id(10),
  departmentId: id(20),
  period: '2025-Q1',
  status: '推进中',
  percent: 30,
  progressText: '完成摸底调查',
  problemsText: '',
  nextStepsText: '',
  workflowState: 'submitted',
  reviewComment: null,
  updatedAt: null,
  updatedBy: null,
  attachments: [],
  ...overrides,
});

const task = (n: number, overrides: Partial<SheetTask> = {}): SheetTask => ({
  id: id(n),
  planId: id(1),
  planTitle: '工作要点',
  sectionTitle: null,
  number: String(n),
  title: `任务${n}`,
  text: '',
  deadline: null,
  entry: null,
  previous: null,
  draft: null,
  light: { color: 'grey', reason: '' },
  ...overrides,
});

const typed = (text: string): EntryForm => ({ ...emptyForm, progressText: text });

describe('a task card’s save state', () => {
  const savedAt = new Date(2025, 2, 3, 9, 5).toISOString();

  it('says 已自动保存 for an autosaved draft, with the date when it is from another day', () => {
    const withDraft = task(1, { draft: { progressText: '已摸底', savedAt } });
    const state = cardSaveState(withDraft, typed('已摸底'), false, false);
    expect(state).toEqual({ kind: 'autosaved', savedAt });
    expect(cardSaveLabel(state!, new Date(2025, 2, 3, 18))).toBe('修改已自动保存 09:05');
    expect(cardSaveLabel(state!, new Date(2025, 2, 4, 8))).toBe('修改已自动保存 2025-03-03 09:05');
  });

  it('is saving while typing waits, unsaved only when typing is not in the draft, and nothing when all is saved or locked', () => {
    expect(cardSaveState(task(1), typed('x'), true, false)).toEqual({ kind: 'saving' });
    expect(cardSaveState(task(1, { draft: { progressText: '旧', savedAt } }), typed('新'), false, true)).toEqual({ kind: 'unsaved' });
    const saved = entry({ workflowState: 'draft' });
    expect(cardSaveState(task(1, { entry: saved }), formFromFields(saved), false, false)).toBeNull();
    expect(cardSaveState(task(1, { entry: saved }), undefined, false, false)).toBeNull();
    expect(cardSaveState(task(1, { entry: entry({ workflowState: 'approved' }), draft: { savedAt } }), typed('x'), true, false)).toBeNull();
  });
});

describe('提交全部’s plan', () => {
  it('counts what is not yet submitted as it stands, and holds back what has no 进展情况', () => {
    const submitted = entry();
    const tasks = [
      task(1),
      task(2, { entry: submitted }),
      task(3, { entry: submitted }),
      task(4, { entry: entry({ workflowState: 'approved' }) }),
      task(5, { entry: entry({ workflowState: 'returned', progressText: '' }) }),
    ];
    const forms: Record<string, EntryForm> = { [id(1)]: typed('已部署'), [id(3)]: { ...formFromFields(submitted), percent: '60' } };
    const plan = submitPlan(tasks, (t) => forms[t.id] ?? formFromFields(t.entry));
    expect(plan.due.map((t) => t.number)).toEqual(['1', '3', '5']);
    expect(plan.ready.map((t) => t.number)).toEqual(['1', '3']);
    expect(plan.blank.map((t) => t.number)).toEqual(['5']);
    expect(submitMessage(plan)).toBe('将提交 3 项，其中 1 项未填写进展（第5项），这些暂不提交，填写进展情况后再提交。其余 2 项将提交给办公室审核，提交后仍可修改，修改后需重新提交。');
  });

  it('names at most eight blank tasks', () => {
    const tasks = Array.from({ length: 10 }, (_, i) => task(i + 1));
    const plan = submitPlan([...tasks, task(11)], (t) => (t.number === '11' ? typed('x') : emptyForm));
    expect(submitMessage(plan)).toContain('其中 10 项未填写进展（第1项、第2项、第3项、第4项、第5项、第6项、第7项、第8项等10项）');
  });
});
