import { useCallback, useEffect, useMemo } from 'react';
import { lightLabels } from '../../../shared/domain/progress-status';
import { periodChoices } from '../quarterly/period';
import { useLedger, useLedgerStore } from '../store/context';
import type { LedgerSort } from '../store/ledger';
import { EmptyState } from '../ui/EmptyState';
import { IncludeSubmittedToggle } from '../ui/IncludeSubmittedToggle';
import { InlineSelect } from '../ui/InlineSelect';
import '../styles/progress.css';
import '../styles/ledger.css';
import { ColumnChooser } from './ColumnChooser';
import { ledgerColumns, visibleColumns } from './columns';
import { hasActiveFilter } from './filters';
import { FilterBar } from './FilterBar';
import { searchWords } from './highlight';
import { LedgerTable } from './LedgerTable';
import { buildItems } from './rows';

function sortWords(sort: LedgerSort): string {
  if (sort.column === 'light') return sort.direction === 'asc' ? `${lightLabels.red}在前` : `${lightLabels.green}在前`;
  return sort.direction === 'asc' ? '升序' : '降序';
}

/** 任务台账: every task of the quarter with its light, quarter state (each lead's part) and progress; filter, search, sort, open. */
export default function LedgerPage() {
  const store = useLedgerStore();
  const filter = useLedger((s) => s.viewFilter);
  const result = useLedger((s) => s.ledgerResult);
  const resultFilter = useLedger((s) => s.ledgerResultFilter);
  const loading = useLedger((s) => s.ledgerLoading);
  const failed = useLedger((s) => s.ledgerFailed);
  const plans = useLedger((s) => s.plans);
  const hidden = useLedger((s) => s.ledgerHiddenColumns);
  const sort = useLedger((s) => s.ledgerSort);
  const setViewFilter = useLedger((s) => s.setViewFilter);
  const clearChips = useLedger((s) => s.clearChips);
  const setSort = useLedger((s) => s.setLedgerSort);
  const setColumnVisible = useLedger((s) => s.setLedgerColumnVisible);
  const openTaskDetail = useLedger((s) => s.openTaskDetail);
  const goTo = useLedger((s) => s.goTo);

  useEffect(() => {
    void store.getState().loadPlans();
  }, [store]);

  // The filter is shared with 总览: whatever changed it, this page shows its tasks.
  useEffect(() => {
    void store.getState().loadLedger();
  }, [store, filter]);

  const openRow = useCallback((taskId: string) => void openTaskDetail(taskId), [openTaskDetail]);
  const now = useMemo(() => new Date(), []);
  const periods = useMemo(() => periodChoices(now, plans, filter.period), [now, plans, filter.period]);
  const columns = useMemo(() => visibleColumns(hidden), [hidden]);
  const items = useMemo(() => buildItems(result?.rows ?? [], sort), [result, sort]);
  // Count and marks describe the rows on screen, which answer `shown` until the next result arrives.
  const shown = resultFilter ?? filter;
  const words = useMemo(() => searchWords(shown.search), [shown.search]);
  const filtered = hasActiveFilter(shown);
  const resetKey = JSON.stringify([shown, sort]);
  const sortLabel = sort ? ledgerColumns.find((c) => c.id === sort.column)?.label : null;

  const body = () => {
    if (plans !== null && plans.length === 0) {
      return (
        <EmptyState
          title="还没有导入计划"
          action={
            <button type="button" className="button button-primary" onClick={() => goTo('import')}>
              前往导入计划
            </button>
          }
        >
          导入年度工作要点、五年规划或实施方案后，其中的任务会按季度列在这里。
        </EmptyState>
      );
    }
    if (!result) {
      return failed ? (
        <EmptyState
          title="未能读取任务台账"
          action={
            <button type="button" className="button" onClick={() => void store.getState().loadLedger()}>
              重试
            </button>
          }
        />
      ) : (
        <p className="loading" role="status">
          正在读取任务台账…
        </p>
      );
    }
    if (result.total === 0) {
      return (
        <EmptyState
          title="这个季度没有任务"
          action={
            <button type="button" className="button" onClick={() => goTo('tasks')}>
              查看计划与任务
            </button>
          }
        >
          已导入的计划都不覆盖这个季度。请在右上角换一个季度，或导入这一年的计划。
        </EmptyState>
      );
    }
    if (result.rows.length === 0) {
      return (
        <EmptyState
          title="没有符合筛选条件的任务"
          action={
            <button type="button" className="button button-primary" onClick={clearChips}>
              清除筛选
            </button>
          }
        >
          可以去掉部分筛选条件，或换个词搜索（两个字即可，如“疾控”“托育”）。
        </EmptyState>
      );
    }
    return (
      <LedgerTable
        items={items}
        columns={columns}
        words={words}
        sort={sort}
        onSort={setSort}
        onOpen={openRow}
        resetKey={resetKey}
        busy={loading}
      />
    );
  };

  return (
    <section className="page ledger-page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" className="page-title">
          任务台账
          {result ? <span className="page-subtitle">{result.officeName}</span> : null}
        </h1>
        <div className="quarter-picker">
          <InlineSelect label="季度" value={filter.period} onChange={(period) => setViewFilter({ period })}>
            {periods.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </InlineSelect>
          <IncludeSubmittedToggle />
        </div>
      </div>
      {plans === null || plans.length > 0 ? <FilterBar filter={filter} facets={result?.facets ?? null} onChange={setViewFilter} onClear={clearChips} /> : null}
      {result && result.total > 0 ? (
        <div className="ledger-summary">
          <p className="ledger-count" role="status">
            共 {result.total} 项任务{filtered ? `，筛选后 ${result.rows.length} 项` : ''}
            {loading ? <span className="muted">（正在更新…）</span> : null}
          </p>
          {sort ? (
            <p className="ledger-sorted">
              按“{sortLabel}”排列（{sortWords(sort)}）
              <button type="button" className="link-button" onClick={() => setSort(null)}>
                恢复按计划章节分组
              </button>
            </p>
          ) : null}
          <ColumnChooser hidden={hidden} onChange={setColumnVisible} />
        </div>
      ) : null}
      <div className="card ledger-card">{body()}</div>
    </section>
  );
}
