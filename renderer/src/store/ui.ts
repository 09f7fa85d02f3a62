import type { CallName, LedgerEvent } from '../../../shared/api';
import type { Slice } from './types';

export type PageId = 'overview' | 'ledger' | 'tasks' | 'compare' | 'indicators' | 'quarterly' | 'import' | 'exchange' | 'reports' | 'settings';

export type ToastKind = 'success' | 'error';

export interface Toast {
  readonly id: number;
  readonly kind: ToastKind;
  readonly message: string;
}

export interface JobProgress {
  readonly call: CallName;
  readonly jobId: string;
  readonly label: string;
  readonly done: number;
  readonly total: number;
}

export interface UiSlice {
  readonly page: PageId;
  readonly toasts: readonly Toast[];
  /** Long jobs in progress, newest last. */
  readonly jobs: readonly JobProgress[];
  /** The 关于 dialog (from the header or the desktop menu). */
  readonly aboutOpen: boolean;
  goTo(page: PageId): void;
  showAbout(): void;
  hideAbout(): void;
  pushToast(kind: ToastKind, message: string): void;
  dismissToast(id: number): void;
  reportProgress(event: Extract<LedgerEvent, { type: 'progress' }>): void;
  /** The call has answered: its bars go, whether it reached its total, had nothing to do (0 / 0) or failed. */
  finishJobs(call: CallName): void;
}

const TOAST_MS: Record<ToastKind, number> = { success: 2500, error: 8000 };
const MAX_TOASTS = 4;
/** A finished job's bar stays a moment so the clerk sees it reach the end. */
const FINISHED_JOB_MS = 800;

export const createUiSlice: Slice<UiSlice> = ({ set, get }) => {
  let nextToastId = 1;
  return {
    page: 'overview',
    toasts: [],
    jobs: [],
    aboutOpen: false,
    goTo: (page) => set({ page }),
    showAbout: () => set({ aboutOpen: true }),
    hideAbout: () => set({ aboutOpen: false }),
    pushToast: (kind, message) => {
      const id = nextToastId++;
      set((state) => ({ toasts: [...state.toasts, { id, kind, message }].slice(-MAX_TOASTS) }));
      setTimeout(() => get().dismissToast(id), TOAST_MS[kind]);
    },
    dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) })),
    reportProgress: (event) => {
      const job: JobProgress = { call: event.call, jobId: event.jobId, label: event.label, done: event.done, total: event.total };
      set((state) => ({ jobs: [...state.jobs.filter((j) => j.jobId !== job.jobId), job] }));
      if (event.done >= event.total) {
        setTimeout(() => {
          set((state) => ({ jobs: state.jobs.filter((j) => !(j.jobId === job.jobId && j.done >= j.total)) }));
        }, FINISHED_JOB_MS);
      }
    },
    finishJobs: (call) => {
      if (get().jobs.some((job) => job.call === call)) setTimeout(() => set((state) => ({ jobs: state.jobs.filter((job) => job.call !== call) })), FINISHED_JOB_MS);
    },
  };
};
