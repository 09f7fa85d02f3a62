import type { KeyboardEvent, ReactNode } from 'react';

export interface TabSpec<Id extends string> {
  readonly id: Id;
  readonly label: string;
}

/**
 * A page's tab row (WAI-ARIA tabs: one tab stop, arrow keys move and select). Ids and class
 * names come from `name` (`exchange` → `exchange-tab-…`, `.exchange-tabs`, `.exchange-tab`),
 * so each page keeps its own look and its panel's `aria-labelledby`.
 */
export function TabBar<Id extends string>({
  name,
  label,
  tabs,
  selected,
  onSelect,
  panelId,
  badge,
}: {
  name: string;
  label: string;
  tabs: readonly TabSpec<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  panelId: string;
  /** Extra content after a tab's label (a count). */
  badge?: (id: Id) => ReactNode;
}) {
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const index = tabs.findIndex((t) => t.id === selected);
    const next = tabs[(index + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    document.getElementById(tabElementId(name, next.id))?.focus();
  };
  return (
    <div className={`${name}-tabs`} role="tablist" aria-label={label} onKeyDown={onKey}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={tabElementId(name, t.id)}
          aria-selected={t.id === selected}
          aria-controls={panelId}
          tabIndex={t.id === selected ? 0 : -1}
          className={`${name}-tab`}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
          {badge?.(t.id)}
        </button>
      ))}
    </div>
  );
}

export function tabElementId(name: string, id: string): string {
  return `${name}-tab-${id}`;
}
