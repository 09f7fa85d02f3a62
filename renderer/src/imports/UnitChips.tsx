import { useState, type KeyboardEvent } from 'react';
import { splitList } from '../ui/format';

const SEPARATOR = /[,，、;；]/;

/** 责任单位 of one task: free text, several at once with 、 or Enter. */
export function UnitChips({ units, onChange, taskLabel }: { units: readonly string[]; onChange: (units: string[]) => void; taskLabel: string }) {
  const [draft, setDraft] = useState('');
  const add = (text: string) => {
    const next = [...units];
    for (const item of splitList(text)) if (!next.includes(item)) next.push(item);
    if (next.length !== units.length) onChange(next);
  };
  const onType = (text: string) => {
    if (!SEPARATOR.test(text)) {
      setDraft(text);
      return;
    }
    const parts = text.split(SEPARATOR);
    const rest = parts.pop() ?? '';
    add(parts.join('、'));
    setDraft(rest);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add(draft);
      setDraft('');
    } else if (event.key === 'Backspace' && draft === '' && units.length > 0) {
      onChange(units.slice(0, -1));
    }
  };
  return (
    <div className="owner-field" role="group" aria-label={`${taskLabel}的责任单位`}>
      <span className="owner-field-label">责任单位</span>
      <ul className="chips">
        {units.map((unit) => (
          <li key={unit} className="chip">
            {unit}
            <button type="button" className="chip-remove" aria-label={`移除责任单位 ${unit}`} onClick={() => onChange(units.filter((u) => u !== unit))}>
              ×
            </button>
          </li>
        ))}
        <li className="unit-input-item">
          <input
            className="input input-small unit-input"
            aria-label="添加责任单位"
            placeholder="输入后回车"
            value={draft}
            onChange={(event) => onType(event.target.value)}
            onKeyDown={onKey}
            onBlur={() => {
              if (draft.trim()) {
                add(draft);
                setDraft('');
              }
            }}
          />
        </li>
      </ul>
    </div>
  );
}
