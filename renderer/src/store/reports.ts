import type { CallResult } from '../../../shared/api';
import type { LedgerFilterInput } from '../../../shared/api/ledger';
import type { ReportFile, ReportFormat, ReportKind } from '../../../shared/api/reports';
import { localDateText } from '../../../shared/domain/report-date';
import { defaultReportChoice, hasReportDate, nextChoice, scopeOfChoice, type ReportChoice, type ReportFacets } from '../reports/choice';
import { coalesce } from './coalesce';
import type { Outcome, Slice } from './types';

/** A file made this session, with what it was made from (the PDF button and the list need them). */
export interface GeneratedReport extends ReportFile {
  readonly id: number;
  readonly kind: ReportKind;
  readonly format: ReportFormat;
  readonly scope: LedgerFilterInput;
  /** ISO time it was made. */
  readonly at: string;
  /** The Word report's 落款 date (YYYY-MM-DD), also the PDF's; null for the other files. */
  readonly date: string | null;
}

export interface ReportsSlice {
  readonly reportChoice: ReportChoice;
  /** The chosen quarter's plans, departments and sections to pick from, and its task count. */
  readonly reportFacets: ReportFacets | null;
  readonly reportFacetsFailed: boolean;
  readonly reportBuilding: boolean;
  /** The report in the result card. */
  readonly shownReportId: number | null;
  /** Made while the app runs, newest first. */
  readonly recentReports: readonly GeneratedReport[];
  setReportChoice(patch: Partial<ReportChoice>): void;
  /** The quarter the page reports on: the one picked, else the one the app is looking at. */
  reportPeriod(): string;
  reportScope(): LedgerFilterInput;
  loadReportFacets(): Promise<void>;
  /** Make the chosen report; a refused format comes back as a field error, anything else is a toast. */
  buildReport(): Promise<Outcome<GeneratedReport>>;
  showReport(id: number): void;
  revealReport(path: string): Promise<Outcome<CallResult<'report.reveal'>>>;
}

/** Each file's content stays in memory for 另存为: keep the list short. */
const RECENT_LIMIT = 8;

export const createReportsSlice: Slice<ReportsSlice> = ({ set, get, call }) => {
  let nextId = 1;
  const period = () => get().reportChoice.period ?? get().viewFilter.period;
  const officeId = () => get().viewFilter.officeId;

  const loadFacets = coalesce(async () => {
    const wanted = { period: period(), officeId: officeId() };
    // The ledger page's answer holds the same facets (they are counted before chips) when it read the whole quarter.
    const shown = get().ledgerResult;
    const filter = get().ledgerResultFilter;
    if (shown?.complete && filter?.period === wanted.period && filter.officeId === wanted.officeId) {
      set({ reportFacets: pickFacets(shown), reportFacetsFailed: false });
      return;
    }
    const outcome = await call('ledger.query', { ...wanted, limit: null });
    if (period() !== wanted.period || officeId() !== wanted.officeId) return;
    if (outcome.ok) set({ reportFacets: pickFacets(outcome.value), reportFacetsFailed: false });
    else set({ reportFacetsFailed: true });
  });

  return {
    reportChoice: defaultReportChoice,
    reportFacets: null,
    reportFacetsFailed: false,
    reportBuilding: false,
    shownReportId: null,
    recentReports: [],
    setReportChoice: (patch) => {
      const before = period();
      set((state) => ({ reportChoice: nextChoice(state.reportChoice, patch, state.reportFacets) }));
      if (period() !== before) void loadFacets();
    },
    reportPeriod: period,
    reportScope: () => scopeOfChoice(get().reportChoice, period(), officeId(), get().reportFacets, get().viewFilter.includeSubmitted),
    loadReportFacets: loadFacets,
    buildReport: async () => {
      const choice = get().reportChoice;
      const { kind, format, sheetPerDepartment } = choice;
      const scope = get().reportScope();
      // Today unless the clerk chose a day (the form checks what was typed before it calls this).
      const date = hasReportDate(choice) ? (choice.date ?? localDateText(new Date())) : null;
      set({ reportBuilding: true });
      try {
        const args = { kind, format, scope, sheetPerDepartment: kind === 'ledger' && format === 'xlsx' && sheetPerDepartment, save: true, ...(date ? { date } : {}) };
        const outcome = await call('report.build', args, { fields: ['format', 'kind', 'date'] });
        if (!outcome.ok) return outcome;
        const report: GeneratedReport = { ...outcome.value, id: nextId++, kind, format, scope, at: new Date().toISOString(), date };
        set((state) => ({ recentReports: [report, ...state.recentReports].slice(0, RECENT_LIMIT), shownReportId: report.id }));
        return { ok: true, value: report };
      } finally {
        set({ reportBuilding: false });
      }
    },
    showReport: (id) => set({ shownReportId: id }),
    revealReport: (path) => call('report.reveal', { path }),
  };
};

function pickFacets(result: CallResult<'ledger.query'>): ReportFacets {
  return { period: result.period, officeId: result.officeId, officeName: result.officeName, total: result.total, facets: result.facets };
}
