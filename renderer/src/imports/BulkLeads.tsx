import { useMemo, useRef, useState, type FocusEvent } from 'react';
import { useLedger } from '../store/context';
import { DepartmentSearch } from './OwnerChips';
import type { ReviewDraft } from './types';

/**
 * Several tasks at once: tick them (or all, or those without a lead), choose departments, then set
 * them as 牵头科室 or add them. A five-year plan often prints no lead at all.
 */
export function BulkLeads({ draft }: { draft: ReviewDraft }) {
  const picked = useLedger((s) => s.importPicked);
  const setPicks = useLedger((s) => s.setImportPicks);
  const assign = useLedger((s) => s.assignImportLeads);
  const [names, setNames] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const count = Object.keys(picked).length;
  const leadless = useMemo(() => draft.tasks.filter((t) => t.leadDepartments.length === 0).map((t) => t.key), [draft.tasks]);
  const onBlur = (event: FocusEvent) => {
    if (open && !box.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
  };
  const apply = (mode: 'replace' | 'add') => {
    assign(names, mode);
    setDone(`已为 ${count} 项任务${mode === 'replace' ? '设置' : '添加'}牵头科室：${names.join('、')}`);
    setNames([]);
  };

  return (
    <div className={`bulk-leads${count > 0 ? ' bulk-leads-active' : ''}`} role="group" aria-label="批量设置牵头科室">
      <div className="bulk-leads-row">
        <span className="bulk-leads-count">{count > 0 ? `已选 ${count} 项任务` : '勾选任务后可批量设置牵头科室'}</span>
        <button type="button" className="link-button" onClick={() => setPicks(draft.tasks.map((t) => t.key))}>
          全选
        </button>
        {leadless.length > 0 ? (
          <button type="button" className="link-button" onClick={() => setPicks(leadless)}>
            选择没有牵头科室的任务（{leadless.length}）
          </button>
        ) : null}
        {count > 0 ? (
          <button type="button" className="link-button" onClick={() => setPicks([])}>
            取消选择
          </button>
        ) : null}
      </div>
      {count > 0 ? (
        <div className="bulk-leads-row" ref={box} onBlur={onBlur}>
          <ul className="chips" aria-label="要设置的牵头科室">
            {names.map((name) => (
              <li key={name} className="chip">
                {name}
                <button type="button" className="chip-remove" aria-label={`不设置 ${name}`} onClick={() => setNames(names.filter((n) => n !== name))}>
                  ×
                </button>
              </li>
            ))}
            <li>
              <button type="button" className="chip-add" aria-expanded={open} onClick={() => setOpen(!open)}>
                + 选择科室
              </button>
            </li>
          </ul>
          {open ? (
            <DepartmentSearch
              taken={names}
              onPick={(name) => {
                setNames([...names, name]);
                setOpen(false);
                setDone(null);
              }}
              onClose={() => setOpen(false)}
            />
          ) : null}
          <button type="button" className="button button-small button-primary" disabled={names.length === 0} onClick={() => apply('replace')}>
            设为所选任务的牵头科室
          </button>
          <button type="button" className="button button-small" disabled={names.length === 0} onClick={() => apply('add')}>
            追加到牵头科室
          </button>
        </div>
      ) : null}
      {done && count === 0 ? (
        <p className="bulk-leads-done" role="status">
          {done}
        </p>
      ) : null}
    </div>
  );
}
