import { memo, useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { useLedger } from '../store/context';
import { sourceParagraphs, type SourceParagraph } from './highlights';
import type { ParseResult } from './types';

/** Task keys are plain (t12, t12-b) but quote them safely for the attribute selector anyway. */
const quoted = (key: string) => `"${key.replace(/["\\]/g, '\\$&')}"`;

/** One paragraph of the source; re-renders only when its selection changes. */
const Paragraph = memo(function Paragraph({ paragraph, active }: { paragraph: SourceParagraph; active: boolean }) {
  const classes = ['source-p'];
  if (paragraph.taskKey) classes.push('source-task');
  if (active) classes.push('source-task-active');
  if (paragraph.blockStart) classes.push('source-block-start');
  if (paragraph.heading) classes.push('source-heading');
  return (
    <p className={classes.join(' ')} data-task={paragraph.taskKey ?? undefined} data-block-start={paragraph.blockStart ? paragraph.taskKey : undefined}>
      {paragraph.segments.map((segment, i) =>
        segment.mark ? (
          <mark key={i} className={`hl hl-${segment.mark}`} title={segment.title}>
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
      {paragraph.segments.length === 1 && paragraph.segments[0]!.text === '' ? '\u00a0' : null}
    </p>
  );
});

function Legend() {
  return (
    <ul className="source-legend" aria-label="标注说明">
      <li>
        <mark className="hl hl-ge">≥ 目标</mark>
      </li>
      <li>
        <mark className="hl hl-le">≤ 目标</mark>
      </li>
      <li>
        <mark className="hl hl-range">区间 / 等于</mark>
      </li>
      <li>
        <mark className="hl hl-lead">牵头科室</mark>
      </li>
      <li>
        <span className="source-legend-task" aria-hidden="true" />
        任务原文（点击可在右侧定位）
      </li>
    </ul>
  );
}

/** Left side: the text as read, with tasks, owners and targets marked; a click selects the task. */
export function SourcePane({ parse }: { parse: ParseResult }) {
  const selected = useLedger((s) => s.importSelectedTask);
  const redirects = useLedger((s) => s.importKeyRedirects);
  const selectTask = useLedger((s) => s.selectImportTask);
  const paragraphs = useMemo(() => sourceParagraphs(parse), [parse]);
  const scroller = useRef<HTMLDivElement>(null);

  // The block on the left that shows the selected task (a merged task shows the one it went into).
  const activeKeys = useMemo(() => {
    const keys = new Set<string>();
    if (!selected) return keys;
    keys.add(selected);
    for (const [from, into] of Object.entries(redirects)) if (into === selected) keys.add(from);
    return keys;
  }, [selected, redirects]);

  useEffect(() => {
    if (!selected || !scroller.current) return;
    const anchor = scroller.current.querySelector<HTMLElement>(`[data-block-start=${quoted(selected)}]`);
    if (!anchor) return;
    const box = scroller.current.getBoundingClientRect();
    const at = anchor.getBoundingClientRect();
    if (at.top < box.top || at.top > box.bottom - 40) anchor.scrollIntoView?.({ block: 'center' });
  }, [selected]);

  const onClick = (event: MouseEvent) => {
    // A selection being made is not a click on a task.
    if (window.getSelection()?.toString()) return;
    const key = (event.target as HTMLElement).closest<HTMLElement>('[data-task]')?.dataset.task;
    if (key) selectTask(key);
  };

  return (
    <section className="review-pane source-pane" aria-label="原文">
      <div className="pane-head">
        <h2 className="pane-title">原文</h2>
        <Legend />
      </div>
      <div ref={scroller} className="pane-scroll source-text" onClick={onClick}>
        {paragraphs.map((p) => (
          <Paragraph key={p.index} paragraph={p} active={p.taskKey !== null && activeKeys.has(p.taskKey)} />
        ))}
      </div>
    </section>
  );
}
