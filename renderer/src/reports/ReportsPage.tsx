import { useEffect, useMemo } from 'react';
import { useLedger, useLedgerStore } from '../store/context';
import { EmptyState } from '../ui/EmptyState';
import { scopeOfChoice } from './choice';
import { RecentReports } from './RecentReports';
import { ReportForm } from './ReportForm';
import { ReportResult } from './ReportResult';
import { TemplatesPanel } from './templates/TemplatesPanel';
import './reports.css';

/** 报表: the quarter's 台账, 指标表, 情况报告 and 催办清单 as files to send, and superiors' own forms. */
export default function ReportsPage() {
  const store = useLedgerStore();
  const plans = useLedger((s) => s.plans);
  const viewPeriod = useLedger((s) => s.viewFilter.period);
  const officeId = useLedger((s) => s.viewFilter.officeId);
  const includeSubmitted = useLedger((s) => s.viewFilter.includeSubmitted);
  const shown = useLedger((s) => s.recentReports.find((r) => r.id === s.shownReportId) ?? null);
  const goTo = useLedger((s) => s.goTo);
  const choice = useLedger((s) => s.reportChoice);
  const facets = useLedger((s) => s.reportFacets);
  const period = choice.period ?? viewPeriod;
  // Superiors' forms are filled for the same quarter, plans and departments as the report above.
  const scope = useMemo(() => scopeOfChoice(choice, period, officeId, facets, includeSubmitted), [choice, period, officeId, facets, includeSubmitted]);

  useEffect(() => {
    void store.getState().loadPlans();
  }, [store]);

  // The quarter may follow the view's (changed on 总览 or 任务台账): read its choices whenever either changes.
  useEffect(() => {
    void store.getState().loadReportFacets();
  }, [store, viewPeriod, officeId]);

  return (
    <section className="page reports-page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" className="page-title">
          报表
        </h1>
        <p className="muted reports-intro">生成报送上级的季度台账、指标表、情况报告和催办清单</p>
      </div>
      {plans !== null && plans.length === 0 ? (
        <div className="card">
          <EmptyState
            title="还没有导入计划"
            action={
              <button type="button" className="button button-primary" onClick={() => goTo('import')}>
                前往导入计划
              </button>
            }
          >
            导入年度工作要点、五年规划或实施方案，并填报季度进展后，即可在这里生成报表。
          </EmptyState>
        </div>
      ) : (
        <>
          <div className="reports-columns">
            <ReportForm />
            <div className="reports-side">
              {shown ? <ReportResult report={shown} /> : null}
              <RecentReports />
            </div>
          </div>
          <section className="reports-templates" aria-labelledby="reports-templates-title">
            <div className="reports-section-head">
              <h2 id="reports-templates-title" className="reports-section-title">
                按上级表样填报
              </h2>
              <p className="muted">按上面所选的期间、计划和范围，填写上级下发的Excel表样</p>
            </div>
            <TemplatesPanel scope={scope} />
          </section>
        </>
      )}
    </section>
  );
}
