import { useId, useState, type FormEvent } from 'react';
import type { IndicatorRow } from '../../../shared/api/progress';
import { checkValue } from '../../../shared/domain/lights';
import { directionText, parseNumberInput, targetText, valueText, withYear } from '../indicators/grid';
import { LightDot } from '../progress/LightDot';
import { useLedger } from '../store/context';

interface IndicatorEntryRowProps {
  readonly indicator: IndicatorRow;
  /** `2025-Q1`, or `2025` for a yearly plan's indicator. */
  readonly period: string;
  readonly periodName: string;
}

/** One indicator's value and note for the period: checked here by its kind, then by the core. */
export function IndicatorEntryRow({ indicator, period, periodName }: IndicatorEntryRowProps) {
  const id = useId();
  const save = useLedger((s) => s.saveIndicatorValue);
  const stored = indicator.values[period] ?? null;
  const [value, setValue] = useState(stored ? String(stored.value) : '');
  const [note, setNote] = useState(stored?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = value !== (stored ? String(stored.value) : '') || note !== (stored?.note ?? '');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const number = parseNumberInput(value);
    if (number === undefined || number === null) {
      setError(number === null ? '请填写本期数值' : '数值必须是数字，例如 95.5');
      return;
    }
    const problem = checkValue(indicator.valueKind, indicator.unit, number);
    if (problem) {
      setError(problem);
      return;
    }
    setSaving(true);
    setError(null);
    const outcome = await save({ indicatorId: indicator.id, period, value: number, note });
    setSaving(false);
    if (!outcome.ok) {
      setError(outcome.error.fields?.value ?? outcome.error.message);
      return;
    }
    setWarning(outcome.value.warning);
    setValue(String(outcome.value.indicator.values[period]?.value ?? number));
  };

  const target = withYear(targetText(indicator), indicator.targetYear);
  return (
    <li className={`indicator-entry${error ? ' field-invalid' : ''}`}>
      <form className="indicator-entry-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-label={`${indicator.name}${periodName}数值`}>
        <div className="indicator-entry-name">
          <span className="indicator-name">{indicator.name}</span>
          <span className="indicator-facts">
            {directionText(indicator.comparator)}
            {target ? ` · 目标 ${target}` : ''}
            {indicator.baselineValue !== null ? ` · 基数 ${withYear(valueText(indicator.baselineValue, indicator.unit), indicator.baselineYear)}` : ''}
          </span>
          <LightDot light={stored?.light ?? { color: 'grey', reason: `${indicator.name}${periodName}尚未填报` }} withReason />
        </div>
        <div className="indicator-entry-value">
          <label htmlFor={`${id}-value`} className="entry-label">
            {periodName}数值
          </label>
          <span className="indicator-input">
            <input
              id={`${id}-value`}
              className="input"
              inputMode="decimal"
              value={value}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : warning ? `${id}-warning` : undefined}
              onChange={(event) => {
                setValue(event.target.value);
                setError(null);
              }}
            />
            <span className="indicator-unit">{indicator.unit}</span>
          </span>
        </div>
        <div className="indicator-entry-note">
          <label htmlFor={`${id}-note`} className="entry-label">
            说明
          </label>
          <input id={`${id}-note`} className="input" value={note} maxLength={1000} placeholder="可选，如数据来源、统计口径" onChange={(event) => setNote(event.target.value)} />
        </div>
        <button type="submit" className="button button-small indicator-save" disabled={saving || !dirty}>
          {saving ? '正在保存…' : '保存'}
        </button>
      </form>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {warning ? (
        <p id={`${id}-warning`} className="indicator-warning" role="status">
          {warning}（已保存；如确认无误可忽略）
        </p>
      ) : null}
    </li>
  );
}
