import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import type { CompareResult } from '../../../shared/api/catalog';
import { ChartCard } from '../charts/ChartCard';
import { chartInk, lightFill, statusFill } from '../charts/colors';
import type { LegendItem } from '../charts/png';
import { useWidth } from '../charts/useWidth';
import { sharePartLabels, shareParts, shareRows, shareText, type SharePart, type ShareRow } from './model';

const ROW_HEIGHT = 30;
const NAME_WIDTH = 96;

const partFill: Record<SharePart, string> = {
  done: statusFill['已办结'] ?? lightFill.green,
  green: lightFill.green,
  yellow: lightFill.yellow,
  red: lightFill.red,
  grey: lightFill.grey,
};
const lastPart = (row: ShareRow | undefined): SharePart | undefined => (row ? [...shareParts].reverse().find((part) => row[part] > 0) : undefined);
const legend: LegendItem[] = shareParts.map((part) => ({ label: sharePartLabels[part], color: partFill[part] }));

/** Each office's tasks by light as shares of 100%, the lowest on-track share at the top. */
export function OfficeShareChart({ result, quarter }: { result: CompareResult; quarter: string }) {
  const [ref, width] = useWidth<HTMLDivElement>(520);
  const rows = shareRows(result.offices);
  return (
    <ChartCard title={`各单位任务按序时推进比例 ${quarter}`} note="已完成和按序时推进的任务占全部任务的比例；排在上面的最需关注" legend={legend} className="compare-chart">
      <div ref={ref} className="chart-box">
        <BarChart width={width} height={rows.length * ROW_HEIGHT + 44} data={rows} layout="vertical" margin={{ top: 4, right: 52, bottom: 4, left: 4 }} barCategoryGap={6}>
          <CartesianGrid horizontal={false} stroke={chartInk.grid} />
          <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} tick={{ fill: chartInk.axis, fontSize: 12 }} stroke={chartInk.grid} />
          <YAxis type="category" dataKey="name" width={NAME_WIDTH} interval={0} tick={{ fill: chartInk.text, fontSize: 12 }} stroke={chartInk.grid} />
          {shareParts.map((part) => (
            <Bar key={part} dataKey={part} stackId="tasks" fill={partFill[part]} isAnimationActive={false} name={sharePartLabels[part]}>
              {/* The share is printed after the row's last visible segment (an empty one draws nothing). */}
              <LabelList position="right" fontSize={12} fill={chartInk.text} valueAccessor={(entry) => {
                  const row = entry.payload as ShareRow;
                  return lastPart(row) === part ? shareText(row.share) : '';
                }} />
            </Bar>
          ))}
        </BarChart>
      </div>
    </ChartCard>
  );
}
