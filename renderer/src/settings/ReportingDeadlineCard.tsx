import { useState, type FormEvent } from 'react';
import type { OfficeSettings } from '../../../shared/api/settings';
import { reportingDeadline } from '../../../shared/domain/quarter-state';
import { useLedger } from '../store/context';
import { TextField } from '../ui/Field';
import { useForm } from '../ui/useForm';

export const GRACE_LABEL = '报送截止（季度结束后天数）';
const MAX_DAYS = 90;

/** 4月10日: the Q1 deadline of this year for `days`, as an example a clerk recognises. */
function exampleDate(days: number, year: number): string {
  const date = reportingDeadline({ year, quarter: 1 }, days);
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** The whole number the clerk typed, or an error in Chinese. */
export function parseGraceDays(text: string): { ok: true; days: number } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, error: '请填写0到90之间的整数天数' };
  const days = Number(trimmed);
  if (days > MAX_DAYS) return { ok: false, error: '天数不能超过90' };
  return { ok: true, days };
}

/**
 * 报送截止: how many days after a quarter ends the departments must have reported. Later, a
 * department that has not reported is 逾期未报 (总览, 任务台账 and the 催办清单 say so).
 */
export function ReportingDeadlineCard({ settings }: { settings: OfficeSettings }) {
  const saveSettings = useLedger((s) => s.saveSettings);
  const form = useForm();
  const [text, setText] = useState(String(settings.statusSettings.reportGraceDays));
  const parsed = parseGraceDays(text);
  const year = new Date().getFullYear();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!parsed.ok) {
      form.setErrors({ reportGraceDays: parsed.error });
      return;
    }
    void form.submit(() => saveSettings({ statusSettings: { reportGraceDays: parsed.days } }));
  };

  const error = form.errors.reportGraceDays ?? form.errors['statusSettings.reportGraceDays'];
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="reporting-deadline-title">
      <h2 id="reporting-deadline-title" className="card-title">
        报送截止
      </h2>
      <div className="form-grid">
        <TextField
          label={GRACE_LABEL}
          value={text}
          onChange={setText}
          inputMode="numeric"
          maxLength={2}
          error={error}
          hint={
            parsed.ok
              ? `各科室应在季度结束后${parsed.days}天内报送进展（如一季度截至${exampleDate(parsed.days, year)}）；过了截止日仍未报送的，记为“逾期未报”并列入催办清单。`
              : '季度结束后几天内报送，0到90之间的整数'
          }
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.saving}>
          {form.saving ? '正在保存…' : '保存'}
        </button>
      </div>
    </form>
  );
}
