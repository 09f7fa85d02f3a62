import type { KeyboardEvent, ReactNode } from 'react';

interface ClickableProps {
  readonly label: string;
  readonly onActivate: () => void;
  readonly children: ReactNode;
}

/** A chart mark a clerk can click, tab to and press Enter on; its name is what it counts. */
export function Clickable({ label, onActivate, children }: ClickableProps) {
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onActivate();
    }
  };
  return (
    <g role="button" tabIndex={0} aria-label={label} className="chart-clickable" onClick={onActivate} onKeyDown={onKeyDown}>
      <title>{label}</title>
      {children}
    </g>
  );
}
