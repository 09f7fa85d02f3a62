import { lightLabels, type Light } from '../../../shared/domain/progress-status';
import '../styles/progress.css';

interface LightDotProps {
  readonly light: Light | null;
  /** Show the reason as text beside the dot; otherwise it is the tooltip. */
  readonly withReason?: boolean;
}

/** A traffic light: the coloured dot, its name for screen readers, and the sentence that explains it. */
export function LightDot({ light, withReason = false }: LightDotProps) {
  if (!light) return null;
  const label = lightLabels[light.color];
  return (
    <span className={`light light-${light.color}`} title={`${label}：${light.reason}`}>
      <span className="light-dot" aria-hidden="true" />
      <span className="visually-hidden">{label}：</span>
      {withReason ? <span className="light-reason">{light.reason}</span> : <span className="visually-hidden">{light.reason}</span>}
    </span>
  );
}
