import { useMemo, useState } from 'react';
import { formatsOfKind, reportFormatLabels, reportKindLabels, reportKinds } from '../../../shared/api/reports';
import { currentPeriodText, periodChoices } from '../quarterly/period';
import { useLedger, useLedgerStore } from '../store/context';
import { EmptyState } from '../ui/EmptyState';
import { Field } from '../ui/Field';
import { IncludeSubmittedToggle } from '../ui/IncludeSubmittedToggle';
import { BuildProgress } from './BuildProgress';
import { isReportDate, localDateText, REPORT_DATE_ERROR, reportDateText } from '../../../shared/domain/report-date';
import { hasReportDate, previewFileName, reportKindPurposes, scopeOfChoice, type ScopeMode } from './choice';
import { PickList } from './PickList';

const scopeModes: readonly { mode: ScopeMode; label: string }[] = [
  { mode: 'all', label: '全部' },
  { mode: 'departments', label: '按科室' },
  { mode: 'sections', label: '按章节' },
];

const formatHints = {
  xlsx: '可直接打印的 Excel 表格',
  docx: '可编辑的公文格式文档',
  csv: 'UTF-8 编码，Excel 可直接打开',
} as const;

/** 生成报表: which report, quarter, plans, scope and format; the file name it will have; 生成. */
export function ReportForm() {
  const store = useLedgerStore();
  const choice = useLedger((s) => s.reportChoice);
  const facets = useLedger((s) => s.reportFacets);
  const failed = useLedger((s) => s.reportFacetsFailed);
  const building = useLedger((s) => s.reportBuilding);
  const plans = useLedger((s) => s.plans);
  const period = useLedger((s) => s.reportChoice.period ?? s.viewFilter.period);
  const officeId = useLedger((s) => s.viewFilter.officeId);
  const includeSubmitted = useLedger((s) => s.viewFilter.includeSubmitted);
  const setChoice = useLedger((s) => s.setReportChoice);
  const goTo = useLedger((s) => s.goTo);
  const [tried, setTried] = useState(false);
  const [formatError, setFormatError] = useState<string | null>(null);
  const [dateError, setDateError] = useState<string | null>(null);

  const now = useMemo(() => new Date(), []);
  const periods = useMemo(() => periodChoices(now, plans, period), [now, plans, period]);
  // Facets of another quarter (still loading) are not offered.
  const current = facets && facets.period === period ? facets : null;
  const scope = scopeOfChoice(choice, period, officeId, current, includeSubmitted);
  const fileName = current ? previewFileName(current.officeName, scope, current, choice.kind, choice.format) : null;

  const planOptions = (current?.facets.plans ?? []).map((p) => ({ value: p.id, label: p.label, count: p.count }));
  const planTitles = new Map(planOptions.map((p) => [p.value, p.label]));
  const departmentOptions = (current?.facets.departments ?? []).map((d) => ({ value: d.id, label: d.label, count: d.count }));
  const sectionOptions = (current?.facets.sections ?? [])
    .filter((s) => choice.planIds.length === 0 || choice.planIds.includes(s.planId))
    .map((s) => ({ value: s.id, label: s.label, count: s.count, group: planTitles.get(s.planId) ?? '' }));

  const scopeError = (): string | undefined => {
    if (choice.scopeMode === 'departments' && (scope.departmentIds ?? []).length === 0) return '请至少选择一个科室';
    if (choice.scopeMode === 'sections' && (scope.sectionIds ?? []).length === 0) return '请至少选择一个章节';
    return undefined;
  };
  const problem = scopeError();
  // The 落款 date: today until the clerk types another day.
  const withDate = hasReportDate(choice);
  const dateText = choice.date ?? localDateText(now);
  const dateValid = isReportDate(dateText.trim());

  const chooseScope = (scopeMode: ScopeMode) => {
    // A new scope starts without the previous attempt's complaint.
    setTried(false);
    setChoice({ scopeMode });
  };

  const generate = async () => {
    setTried(true);
    setFormatError(null);
    setDateError(null);
    if (problem || !current || (withDate && !dateValid)) return;
    if (withDate && choice.date !== null && choice.date !== choice.date.trim()) setChoice({ date: choice.date.trim() });
    const outcome = await store.getState().buildReport();
    if (!outcome.ok && outcome.error.fields) {
      const { date, ...others } = outcome.error.fields;
      if (date) setDateError(date);
      if (Object.keys(others).length > 0) setFormatError(Object.values(others).join('；'));
    }
  };

  const details = () => {
    if (!current) {
      return failed ? (
        <EmptyState
          title="未能读取该季度的任务"
          action={
            <button type="button" className="button" onClick={() => void store.getState().loadReportFacets()}>
              重试
            </button>
          }
        />
      ) : (
        <p className="loading" role="status">
          正在读取该季度的任务…
        </p>
      );
    }
    if (current.total === 0) {
      return (
        <div className="report-empty">
          <EmptyState
            title="这个季度没有重点工作任务"
            action={
              <button type="button" className="button button-primary" onClick={() => goTo('import')}>
                前往导入计划
              </button>
            }
          >
            已导入的计划都不覆盖这个季度。请换一个季度，或先导入这一年的工作要点。
          </EmptyState>
        </div>
      );
    }
    return (
      <>
        {planOptions.length > 1 ? (
          <PickList label="计划" emptyPrompt="全部计划" options={planOptions} chosen={choice.planIds} onChange={(planIds) => setChoice({ planIds })} />
        ) : (
          <div className="field">
            <span className="field-label">计划</span>
            <span className="report-fact">{planOptions[0]?.label ?? '—'}</span>
          </div>
        )}

        <fieldset className="field report-scope">
          <legend className="field-label">范围</legend>
          <div className="radio-options">
            {scopeModes.map((m) => (
              <label key={m.mode} className="radio">
                <input type="radio" name="report-scope" value={m.mode} checked={choice.scopeMode === m.mode} onChange={() => chooseScope(m.mode)} />
                {m.label}
              </label>
            ))}
          </div>
          {choice.scopeMode === 'departments' ? (
            <PickList
              nested
              label="牵头科室"
              emptyPrompt="请选择科室"
              options={departmentOptions}
              chosen={choice.departmentIds}
              onChange={(departmentIds) => setChoice({ departmentIds })}
              error={tried ? problem : undefined}
            />
          ) : null}
          {choice.scopeMode === 'sections' ? (
            <PickList nested label="章节" emptyPrompt="请选择章节" options={sectionOptions} chosen={choice.sectionIds} onChange={(sectionIds) => setChoice({ sectionIds })} error={tried ? problem : undefined} />
          ) : null}
        </fieldset>

        <div className="field report-basis">
          <span className="field-label">口径</span>
          <IncludeSubmittedToggle long />
          <span className="field-hint">不勾选时只报送办公室已审核的填报；退回修改的填报不计为进展</span>
        </div>

        <fieldset className="field report-formats">
          <legend className="field-label">格式</legend>
          <div className="radio-options">
            {formatsOfKind[choice.kind].map((format) => (
              <label key={format} className="radio" title={formatHints[format]}>
                <input type="radio" name="report-format" value={format} checked={choice.format === format} onChange={() => setChoice({ format })} />
                {reportFormatLabels[format]}
              </label>
            ))}
          </div>
          {choice.kind === 'ledger' && choice.format === 'xlsx' ? (
            <label className="report-check">
              <input type="checkbox" checked={choice.sheetPerDepartment} onChange={(event) => setChoice({ sheetPerDepartment: event.target.checked })} />
              每个科室单独一个工作表
            </label>
          ) : null}
          <span className="field-hint">
            {formatHints[choice.format]}
            {choice.kind === 'ledger' || choice.kind === 'summary' ? '；生成后还可导出 PDF' : ''}
          </span>
          {formatError ? (
            <p className="field-error" role="alert">
              {formatError}
            </p>
          ) : null}
        </fieldset>

        {withDate ? (
          <Field
            label="报告日期"
            className="report-date"
            hint={dateValid ? `落款日期：${reportDateText(dateText.trim())}` : '格式 YYYY-MM-DD，例如 2025-04-12'}
            error={dateError ?? (tried && !dateValid ? REPORT_DATE_ERROR : undefined)}
          >
            {(control) => (
              <input
                {...control}
                className="input report-date-input"
                inputMode="numeric"
                placeholder="YYYY-MM-DD"
                maxLength={10}
                value={dateText}
                onChange={(event) => {
                  setDateError(null);
                  setChoice({ date: event.target.value });
                }}
              />
            )}
          </Field>
        ) : null}

        <div className="report-file" aria-live="polite">
          <span className="report-file-label">文件名</span>
          <code className="report-file-name" aria-label="文件名预览">
            {fileName}
          </code>
        </div>

        <div className="report-actions">
          <button type="button" className="button button-primary button-large" disabled={building} onClick={() => void generate()}>
            {building ? '正在生成…' : '生成'}
          </button>
          <div className="report-progress">{building ? <BuildProgress /> : null}</div>
        </div>
      </>
    );
  };

  return (
    <section className="card report-form" aria-labelledby="report-form-title">
      <h2 id="report-form-title" className="card-title">
        生成报表
      </h2>
      <fieldset className="field report-kinds">
        <legend className="field-label">报表</legend>
        {reportKinds.map((kind) => (
          <label key={kind} className={`report-kind${kind === choice.kind ? ' report-kind-chosen' : ''}`}>
            <input type="radio" name="report-kind" value={kind} checked={kind === choice.kind} onChange={() => setChoice({ kind })} />
            <span className="report-kind-label">{reportKindLabels[kind]}</span>
            <span className="report-kind-text">{reportKindPurposes[kind]}</span>
          </label>
        ))}
      </fieldset>

      <div className="report-period-row">
        <Field label="期间" className="report-period">
          {(control) => (
            <select {...control} className="input" value={period} onChange={(event) => setChoice({ period: event.target.value })}>
              {periods.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                  {p.value === currentPeriodText(now) ? '（本季度）' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        {current && current.total > 0 ? <span className="report-total">本季度共 {current.total} 项重点工作</span> : null}
      </div>

      {details()}
    </section>
  );
}
