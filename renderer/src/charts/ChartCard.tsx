import { useId, useRef, useState, type ReactNode } from 'react';
import { useLedger } from '../store/context';
import '../styles/dashboard.css';
import { saveChartPng, type LegendItem } from './png';

interface ChartCardProps {
  readonly title: string;
  /** A second line under the title: unit, direction, what a click does. */
  readonly note?: ReactNode;
  /** Beside the title (a light dot, a count). */
  readonly badge?: ReactNode;
  /** The key, shown under the title and drawn into the saved picture. */
  readonly legend?: readonly LegendItem[];
  readonly className?: string;
  readonly children: ReactNode;
}

/** A titled chart with 保存图片, which saves the chart as a PNG with its title on white. */
export function ChartCard({ title, note, badge, legend = [], className, children }: ChartCardProps) {
  const titleId = useId();
  const body = useRef<HTMLDivElement>(null);
  const pushToast = useLedger((s) => s.pushToast);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    if (!body.current) return;
    setSaving(true);
    try {
      await saveChartPng(body.current, title, legend);
      pushToast('success', `已保存图片“${title}”`);
    } catch (error) {
      pushToast('error', error instanceof Error && /[\u4e00-\u9fff]/.test(error.message) ? error.message : '图片保存失败，请重试');
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className={`chart-card${className ? ` ${className}` : ''}`} aria-labelledby={titleId}>
      <header className="chart-card-head">
        <div className="chart-card-titles">
          <h3 id={titleId} className="chart-card-title">
            <span className="chart-card-name">{title}</span>
            {badge ? <span className="chart-card-badge">{badge}</span> : null}
          </h3>
          {note ? <p className="chart-card-note">{note}</p> : null}
        </div>
        <button type="button" className="button button-small chart-save" onClick={() => void save()} disabled={saving} aria-label={`保存图片：${title}`}>
          保存图片
        </button>
      </header>
      {legend.length > 0 ? (
        <ul className="chart-legend">
          {legend.map((item) => (
            <li key={item.label} className="chart-legend-item">
              <span className={`chart-swatch chart-swatch-${item.shape ?? 'box'}`} style={{ color: item.color }} aria-hidden="true" />
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div ref={body} className="chart-card-body">
        {children}
      </div>
    </section>
  );
}
