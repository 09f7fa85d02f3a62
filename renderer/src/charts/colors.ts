import { lightFill, lightLegendLabels } from '../../../shared/reports/chart-colors';

/**
 * Light colours for charts. The values live in shared/reports/chart-colors.ts so the report
 * images drawn for Word use the same palette as the dashboard.
 */
export { chartInk, lightFill, lightSoft, statusFill } from '../../../shared/reports/chart-colors';

/** The key under a chart coloured by lights. */
export const lightLegend = (['green', 'yellow', 'red', 'grey'] as const).map((color) => ({
  label: lightLegendLabels[color],
  color: lightFill[color],
  shape: 'box' as const,
}));
