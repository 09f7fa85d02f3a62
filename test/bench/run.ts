import { formatFigure, meetsGoal, type BenchFigure } from './format';
import { benchMutationVsRaw } from './mutation-vs-raw';
import { benchParseScaling } from './parse-scaling';

/**
 * `npm run bench`: one `BENCH <name> <value> <goal>` line per figure. Figures are ratios
 * measured in the same run, so they say something on any machine; they are not timed tests.
 */
const benches: (() => Promise<BenchFigure[]>)[] = [benchMutationVsRaw, benchParseScaling];

const figures: BenchFigure[] = [];
for (const bench of benches) {
  for (const figure of await bench()) {
    figures.push(figure);
    console.log(formatFigure(figure));
  }
}
const missed = figures.filter((figure) => !meetsGoal(figure));
if (missed.length > 0) console.error(`未达目标：${missed.map((f) => f.name).join('、')}`);
