import { Pie, PieChart, Sector, type PieLabelRenderProps, type PieSectorShapeProps } from 'recharts';
import type { LedgerStatus } from '../../../shared/api/ledger';
import { chartInk, statusFill } from '../charts/colors';
import { Clickable } from './ClickableShape';

interface StatusDonutProps {
  readonly slices: readonly { status: LedgerStatus; count: number }[];
  readonly onSlice: (status: LedgerStatus) => void;
}

const HEIGHT = 260;

/** “未填报 115” beside its slice, in text colour: a pale slice colour would be unreadable. */
function SliceLabel({ x, y, textAnchor, payload }: PieLabelRenderProps) {
  const slice = payload as { status: string; count: number } | undefined;
  if (!slice) return null;
  return (
    <text x={x} y={y} textAnchor={textAnchor} dominantBaseline="central" fill={chartInk.text} fontSize={12}>
      {slice.status} {slice.count}
    </text>
  );
}

/** Tasks by status this quarter; a slice opens those tasks in the ledger. */
export default function StatusDonut({ slices, onSlice }: StatusDonutProps) {
  const total = slices.reduce((sum, s) => sum + s.count, 0);
  const data = slices.map((s) => ({ ...s, fill: statusFill[s.status] ?? chartInk.expected }));
  return (
    <div className="chart-box">
      <PieChart width={380} height={HEIGHT}>
        <Pie
          data={data}
          dataKey="count"
          nameKey="status"
          cx="50%"
          cy="50%"
          innerRadius={58}
          outerRadius={92}
          paddingAngle={1}
          isAnimationActive={false}
          label={SliceLabel}
          labelLine={{ stroke: chartInk.grid }}
          shape={(props: PieSectorShapeProps) => {
            const slice = props.payload as { status: LedgerStatus; count: number };
            return (
              <Clickable label={`${slice.status} ${slice.count}项`} onActivate={() => onSlice(slice.status)}>
                <Sector {...props} />
              </Clickable>
            );
          }}
        />
        <text x={190} y={HEIGHT / 2 - 8} textAnchor="middle" fill={chartInk.axis} fontSize={12}>
          任务
        </text>
        <text x={190} y={HEIGHT / 2 + 14} textAnchor="middle" fill={chartInk.text} fontSize={20} fontWeight={700}>
          {total}
        </text>
      </PieChart>
    </div>
  );
}
