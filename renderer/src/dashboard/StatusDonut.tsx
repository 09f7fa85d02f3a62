import { Pie, PieChart, Sector, type PieLabelRenderProps, type PieSectorShapeProps } from 'recharts';
import type { QuarterState } from '../../../shared/domain/quarter-state';
import { chartInk } from '../charts/colors';
import { Clickable } from './ClickableShape';
import { stateFill } from './model';

interface StatusDonutProps {
  readonly slices: readonly { state: QuarterState; count: number }[];
  readonly onSlice: (state: QuarterState) => void;
}

const HEIGHT = 260;

/** “未填报 115” beside its slice, in text colour: a pale slice colour would be unreadable. */
function SliceLabel({ x, y, textAnchor, payload }: PieLabelRenderProps) {
  const slice = payload as { state: string; count: number } | undefined;
  if (!slice) return null;
  return (
    <text x={x} y={y} textAnchor={textAnchor} dominantBaseline="central" fill={chartInk.text} fontSize={12}>
      {slice.state} {slice.count}
    </text>
  );
}

/** Tasks by quarter state (已完成, 按序时推进, 滞后, 未填报); a slice opens those tasks in the ledger. */
export default function StatusDonut({ slices, onSlice }: StatusDonutProps) {
  const total = slices.reduce((sum, s) => sum + s.count, 0);
  const data = slices.map((s) => ({ ...s, fill: stateFill[s.state] }));
  return (
    <div className="chart-box">
      <PieChart width={380} height={HEIGHT}>
        <Pie
          data={data}
          dataKey="count"
          nameKey="state"
          cx="50%"
          cy="50%"
          innerRadius={58}
          outerRadius={92}
          paddingAngle={1}
          isAnimationActive={false}
          label={SliceLabel}
          labelLine={{ stroke: chartInk.grid }}
          shape={(props: PieSectorShapeProps) => {
            const slice = props.payload as { state: QuarterState; count: number };
            return (
              <Clickable label={`${slice.state} ${slice.count}项`} onActivate={() => onSlice(slice.state)}>
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
