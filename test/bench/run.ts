import { formatFigure, meetsGoal, type BenchFigure } from './format';
import { benchMergeVsRaw } from './merge-vs-raw';
import { benchMutationVsRaw } from './mutation-vs-raw';
import { benchParseScaling } from './parse-scaling';
import { benchQueryScaling } from './query-scaling';
import { benchMainRss } from './main-rss';
import { benchRenderLedger } from './render-ledger';
import { benchStart } from './start-vs-blank';
import { benchXlsxVsRaw } from './xlsx-vs-raw';

/**
 * `npm run bench`: one `BENCH <name> <value> <goal>` line per figure. Figures are ratios
 * measured in the same run, so they say something on any machine; they are not timed tests.
 * `npm run bench -- query render` runs only the benches whose key contains one of the words.
 */
const benches: Record<string, () => Promise<BenchFigure[]>> = {
  'mutation-vs-raw': benchMutationVsRaw,
  'merge-vs-raw': benchMergeVsRaw,
  'parse-scaling': benchParseScaling,
  'query-scaling': () => benchQueryScaling(),
  'render-ledger': () => benchRenderLedger(),
  'start-vs-blank': () => benchStart(),
  'main-rss': () => benchMainRss(),
  'xlsx-20k-vs-raw': benchXlsxVsRaw,
};

const wanted = process.argv.slice(2);
const figures: BenchFigure[] = [];
const failed: string[] = [];
for (const [key, bench] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.some((word) => key.includes(word))) continue;
  try {
    for (const figure of await bench()) {
      figures.push(figure);
      console.log(formatFigure(figure));
    }
  } catch (error) {
    failed.push(key);
    console.error(`BENCH-FAILED ${key}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
const missed = figures.filter((figure) => !meetsGoal(figure));
if (missed.length > 0) console.error(`未达目标：${missed.map((f) => f.name).join('、')}`);
if (failed.length > 0) process.exitCode = 1;
