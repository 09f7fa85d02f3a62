import { periodLabel, parsePeriod } from '../../../shared/domain/period';
import type { MilestoneDraft } from './milestone-rows';

interface MilestoneFieldsProps {
  readonly quarters: readonly string[];
  readonly value: Readonly<Record<string, MilestoneDraft>>;
  readonly onChange: (period: string, draft: MilestoneDraft) => void;
  /** The contract's message for the milestones as a whole. */
  readonly error: string | undefined;
  /** Problems found before saving, by quarter. */
  readonly rowErrors: Readonly<Record<string, string>>;
}

/** 节点目标: per quarter of the task's years, what should be done by its end and, optionally, how much (完成比例). */
export function MilestoneFields({ quarters, value, onChange, error: listError, rowErrors }: MilestoneFieldsProps) {
  const anyStored = quarters.some((p) => (value[p]?.text ?? '') !== '' || (value[p]?.percent ?? '') !== '');
  return (
    <details className="field-span milestone-fields" open={anyStored || Boolean(listError)}>
      <summary>节点目标（可选）</summary>
      <p className="field-hint">每季度末应完成的内容，可填预期完成比例（0—100）；填了比例的季度按比例判断序时进度。</p>
      {listError ? (
        <p className="field-error" role="alert">
          {listError}
        </p>
      ) : null}
      {quarters.length === 0 ? <p className="field-hint">计划和任务都没有年份，请先填写完成时限或计划的起止年份。</p> : null}
      <table className="milestone-table">
        <tbody>
          {quarters.map((period) => {
            const draft = value[period] ?? { period, text: '', percent: '' };
            const label = periodLabel(parsePeriod(period));
            const error = rowErrors[period];
            return (
              <tr key={period}>
                <th scope="row">{label}</th>
                <td>
                  <input
                    className="input"
                    aria-label={`${label}节点目标`}
                    aria-invalid={error ? true : undefined}
                    maxLength={100}
                    placeholder="例如：完成方案"
                    value={draft.text}
                    onChange={(event) => onChange(period, { ...draft, text: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    className="input milestone-percent"
                    aria-label={`${label}完成比例`}
                    aria-invalid={error ? true : undefined}
                    inputMode="decimal"
                    placeholder="%"
                    value={draft.percent}
                    onChange={(event) => onChange(period, { ...draft, percent: event.target.value })}
                  />
                </td>
                <td>{error ? <span className="field-error">{error}</span> : null}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
