import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, XAxis, YAxis, type BarShapeProps } from 'recharts';
import type { LightColor } from '../../../shared/domain/progress-status';
import { chartInk, lightFill } from '../charts/colors';
import { useWidth } from '../charts/useWidth';
import { Clickable } from './ClickableShape';
import { barColors, segmentLabel, type BarRow } from './model';

interface LightBarChartProps {
  readonly rows: readonly BarRow[];
  readonly onSegment: (row: BarRow, color: LightColor) => void;
  /** Room for the names on the left, in pixels. */
  readonly nameWidth?: number;
}

const ROW_HEIGHT = 30;
const NAME_CHARS = (width: number) => Math.max(4, Math.floor(width / 13));

function NameTick({ x, y, payload, width }: { x?: number; y?: number; payload?: { value: string }; width: number }) {
  const name = payload?.value ?? '';
  const max = NAME_CHARS(width);
  const shown = name.length > max ? `${name.slice(0, max - 1)}…` : name;
  return (
    <text x={x} y={y} dy={4} textAnchor="end" fill={chartInk.text} fontSize={12}>
      <title>{name}</title>
      {shown}
    </text>
  );
}

/** Tasks per department (or section), stacked by light; a segment opens those tasks in the ledger. */
export default function LightBarChart({ rows, onSegment, nameWidth = 110 }: LightBarChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>(560);
  const height = rows.length * ROW_HEIGHT + 44;
  return (
    <div ref={ref} className="chart-box">
      <BarChart width={width} height={height} data={rows as BarRow[]} layout="vertical" margin={{ top: 4, right: 20, bottom: 4, left: 4 }} barCategoryGap={6}>
        <CartesianGrid horizontal={false} stroke={chartInk.grid} />
        <XAxis type="number" allowDecimals={false} tick={{ fill: chartInk.axis, fontSize: 12 }} stroke={chartInk.grid} />
        <YAxis type="category" dataKey="name" width={nameWidth} interval={0} tick={<NameTick width={nameWidth} />} stroke={chartInk.grid} />
        {barColors.map((color) => (
          <Bar
            key={color}
            dataKey={color}
            stackId="lights"
            fill={lightFill[color]}
            isAnimationActive={false}
            shape={(props: BarShapeProps) => {
              const row = props.payload as BarRow;
              const count = row[color];
              // Recharts asks for a shape for empty segments too; they are nothing to click.
              if (count === 0) return <g />;
              return (
                <Clickable label={segmentLabel(row.name, color, count)} onActivate={() => onSegment(row, color)}>
                  <Rectangle {...props} fill={lightFill[color]} />
                </Clickable>
              );
            }}
          >
            <LabelList dataKey={color} position="center" fontSize={12} fill={color === 'grey' || color === 'yellow' ? chartInk.text : '#ffffff'} formatter={(value) => (Number(value) > 0 ? String(value) : '')} />
          </Bar>
        ))}
      </BarChart>
    </div>
  );
}
