import type { LightColor } from '../../../shared/domain/progress-status';
import { inkOnLight, lightFill } from '../../../shared/reports/chart-colors';
import type { CellLook } from './PrintTable';

/** A 灯 cell filled in the dashboard's colour, as the Excel 台账 fills it. */
export function lightCell(color: LightColor): CellLook {
  return { className: `print-light print-light-${color}`, style: { backgroundColor: lightFill[color], color: inkOnLight[color] } };
}
