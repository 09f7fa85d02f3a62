import type { ParseResult } from './types';

/** What the reader noticed and the clerk should check (skipped numbers, empty text …). */
export function WarningList({ warnings }: { warnings: ParseResult['warnings'] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="notice notice-warning" role="note" aria-label="识别提示">
      <p className="notice-title">识别时发现 {warnings.length} 处需要核对：</p>
      <ul className="notice-list">
        {warnings.map((w, i) => (
          <li key={i}>{w.message}</li>
        ))}
      </ul>
    </div>
  );
}
