import { useEffect, useRef, useState } from 'react';

const DEBOUNCE_MS = 250;

interface SearchBoxProps {
  /** The search in the view filter; it changes from outside too (清除筛选, a chip removed). */
  readonly value: string;
  readonly onSearch: (text: string) => void;
}

/** 搜索: waits for a pause in typing before asking the core, Enter asks at once. */
export function SearchBox({ value, onSearch }: SearchBoxProps) {
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onSearchRef = useRef(onSearch);
  onSearchRef.current = onSearch;

  // Only a change that this box did not send replaces what the clerk is typing.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  const send = (next: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const trimmed = next.trim();
    if (trimmed === sent.current) return;
    sent.current = trimmed;
    onSearchRef.current(trimmed);
  };

  const change = (next: string) => {
    setText(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => send(next), DEBOUNCE_MS);
  };

  return (
    <div className="ledger-search">
      <input
        type="search"
        className="input"
        aria-label="搜索任务"
        placeholder="搜索任务、进展、科室，如：疾控、医保、托育"
        value={text}
        maxLength={100}
        onChange={(event) => change(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') send(text);
        }}
      />
    </div>
  );
}
