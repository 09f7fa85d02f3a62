import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { LedgerColumnId, LedgerSort } from '../store/ledger';
import { gridTemplate, minWidth, type LedgerColumn } from './columns';
import type { LedgerItem } from './rows';
import { TaskRow } from './TaskRow';
import { layoutLines, scrollToShow, visibleRange } from './window';

/** Fixed heights per kind of line, so any line's position is known without measuring. */
export const LINE_HEIGHT = { plan: 40, section: 34, task: 58 } as const;
const HEADER_HEIGHT = 40;
/** Lines kept in the DOM above and below the viewport, so fast scrolling shows no gaps. */
const OVERSCAN = 8;
/** Before layout (and in tests without layout) assume a typical window. */
const FALLBACK_VIEWPORT = 720;
const PAGE_STEP = 10;

interface LedgerTableProps {
  readonly items: readonly LedgerItem[];
  readonly columns: readonly LedgerColumn[];
  readonly words: readonly string[];
  readonly sort: LedgerSort | null;
  readonly onSort: (sort: LedgerSort | null) => void;
  readonly onOpen: (taskId: string) => void;
  /** Changes when the filter or sort changes: the list starts again at the top. */
  readonly resetKey: string;
  readonly busy: boolean;
}

function nextSort(sort: LedgerSort | null, column: LedgerColumnId): LedgerSort | null {
  if (sort?.column !== column) return { column, direction: 'asc' };
  return sort.direction === 'asc' ? { column, direction: 'desc' } : null;
}

const ariaSort = (sort: LedgerSort | null, column: LedgerColumnId) =>
  sort?.column === column ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';

/**
 * The ledger as a windowed table: only the lines in view (plus some either side) are in the DOM,
 * absolutely placed inside a body as tall as all lines, so 20,000 tasks scroll like 20.
 * One row at a time is in the Tab order (roving focus); arrows move, Enter opens the drawer.
 */
export function LedgerTable({ items, columns, words, sort, onSort, onOpen, resetKey, busy }: LedgerTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);
  const [activeId, setActiveId] = useState<string | null>(null);
  const pendingFocus = useRef<string | null>(null);

  const layout = useMemo(() => layoutLines(items.map((item) => LINE_HEIGHT[item.kind])), [items]);
  const taskLines = useMemo(() => {
    const lines: number[] = [];
    const byId = new Map<string, number>();
    items.forEach((item, index) => {
      if (item.kind !== 'task') return;
      byId.set(item.key, lines.length);
      lines.push(index);
    });
    return { lines, byId };
  }, [items]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight > 0 ? el.clientHeight : FALLBACK_VIEWPORT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (!id || !scroller.current) return;
    const row = scroller.current.querySelector<HTMLElement>(`[data-task-id="${id}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const bodyViewport = Math.max(viewport - HEADER_HEIGHT, LINE_HEIGHT.task);
  const { start, end } = visibleRange(layout, scrollTop, bodyViewport, OVERSCAN);
  const rendered = items.slice(start, end);
  const activeRendered = activeId !== null && rendered.some((item) => item.key === activeId);
  const tabStop = activeRendered ? activeId : (rendered.find((item) => item.kind === 'task')?.key ?? null);

  const moveTo = (taskIndex: number) => {
    const { lines } = taskLines;
    if (lines.length === 0) return;
    const line = lines[Math.max(0, Math.min(lines.length - 1, taskIndex))]!;
    const item = items[line]!;
    const el = scroller.current;
    if (el) {
      const top = scrollToShow(layout, line, el.scrollTop, bodyViewport + HEADER_HEIGHT, HEADER_HEIGHT);
      el.scrollTop = top;
      setScrollTop(top);
    }
    setActiveId(item.key);
    pendingFocus.current = item.key;
  };

  const keyHandler = (event: KeyboardEvent, taskId: string) => {
    const here = taskLines.byId.get(taskId) ?? 0;
    const steps: Record<string, number> = { ArrowDown: here + 1, ArrowUp: here - 1, PageDown: here + PAGE_STEP, PageUp: here - PAGE_STEP, Home: 0, End: taskLines.lines.length - 1 };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(taskId);
    } else if (event.key in steps) {
      event.preventDefault();
      moveTo(steps[event.key]!);
    }
  };

  // Rows are memoised: hand them one stable key handler that always sees the latest layout.
  const latestKey = useRef(keyHandler);
  latestKey.current = keyHandler;
  const onKey = useCallback((event: KeyboardEvent, taskId: string) => latestKey.current(event, taskId), []);

  const style = { '--ledger-columns': gridTemplate(columns), minWidth: `${minWidth(columns)}px` } as CSSProperties;

  return (
    <div
      ref={scroller}
      className={`ledger-scroller${busy ? ' ledger-busy' : ''}`}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      aria-busy={busy}
    >
      <div role="table" aria-label="任务台账" aria-rowcount={items.length + 1} aria-colcount={columns.length} className="ledger-table" style={style}>
        <div role="rowgroup" className="ledger-head">
          <div role="row" aria-rowindex={1} className="ledger-head-row" style={{ height: HEADER_HEIGHT }}>
            {columns.map((column) => (
              <div key={column.id} role="columnheader" aria-sort={ariaSort(sort, column.id)} className={`ledger-th ledger-col-${column.id}`}>
                <button type="button" className="ledger-sort" title={`按${column.label}排序`} onClick={() => onSort(nextSort(sort, column.id))}>
                  {column.label}
                  <span className="ledger-sort-mark" aria-hidden="true">
                    {sort?.column === column.id ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="ledger-body" style={{ height: layout.total }}>
          {rendered.map((item, i) => {
            const index = start + i;
            const place = { top: layout.offsets[index] ?? 0, height: LINE_HEIGHT[item.kind] };
            if (item.kind !== 'task') {
              return (
                <div key={item.key} role="row" aria-rowindex={index + 2} className={`ledger-group ledger-group-${item.kind}`} style={place}>
                  <div role="cell" aria-colspan={columns.length} className="ledger-group-cell">
                    <span className="ledger-group-title" title={item.title}>
                      {item.title}
                    </span>
                    <span className="ledger-group-count">{item.count} 项</span>
                  </div>
                </div>
              );
            }
            return (
              <TaskRow
                key={item.key}
                row={item.row}
                columns={columns}
                words={words}
                top={place.top}
                height={place.height}
                rowIndex={index + 2}
                tabbable={tabStop === item.key}
                onOpen={onOpen}
                onFocusRow={setActiveId}
                onKey={onKey}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
