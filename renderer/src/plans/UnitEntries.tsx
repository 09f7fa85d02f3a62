import { useId, type KeyboardEvent } from 'react';
import type { DirectoryEntry } from '../../../shared/api/directory';
import { Field } from '../ui/Field';
import { splitList } from '../ui/format';

interface UnitEntriesProps {
  readonly units: readonly DirectoryEntry[];
  readonly value: readonly string[];
  readonly onChange: (units: string[]) => void;
  /** Text typed but not yet turned into an entry; the form adds it when saving. */
  readonly draft: string;
  readonly onDraftChange: (draft: string) => void;
  readonly error?: string | undefined;
}

const SEPARATOR = /[,，、;；\n]/;

export function addEntries(value: readonly string[], text: string): string[] {
  const next = [...value];
  for (const item of splitList(text)) if (!next.includes(item)) next.push(item);
  return next;
}

/** 责任单位: free entries, with the registered units as suggestions. */
export function UnitEntries({ units, value, onChange, draft, onDraftChange, error }: UnitEntriesProps) {
  const listId = useId();

  const onType = (text: string) => {
    if (SEPARATOR.test(text)) {
      // Everything before the last separator becomes entries; the rest stays in the box.
      const parts = text.split(SEPARATOR);
      const rest = parts.pop() ?? '';
      onChange(addEntries(value, parts.join('、')));
      onDraftChange(rest);
    } else {
      onDraftChange(text);
    }
  };

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && draft.trim()) {
      event.preventDefault();
      onChange(addEntries(value, draft));
      onDraftChange('');
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <Field label="责任单位" hint="可填多个：输入后按回车或“、”确认，也可从已登记的责任单位中选" error={error}>
      {(control) => (
        <div className="entries">
          {value.length > 0 ? (
            <ul className="chips" aria-label="已填单位">
              {value.map((unit) => (
                <li key={unit} className="chip chip-selected">
                  {unit}
                  <button type="button" className="chip-remove" aria-label={`移除责任单位 ${unit}`} onClick={() => onChange(value.filter((u) => u !== unit))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <input
            {...control}
            className="input"
            list={listId}
            value={draft}
            placeholder="例如：区疾病预防控制中心、各镇街"
            onChange={(event) => onType(event.target.value)}
            onKeyDown={onKey}
            onBlur={() => {
              if (draft.trim()) {
                onChange(addEntries(value, draft));
                onDraftChange('');
              }
            }}
          />
          <datalist id={listId}>
            {units
              .filter((unit) => !value.includes(unit.name))
              .map((unit) => (
                <option key={unit.id} value={unit.name}>
                  {unit.aliases.length > 0 ? `别名：${unit.aliases.join('、')}` : undefined}
                </option>
              ))}
          </datalist>
        </div>
      )}
    </Field>
  );
}
