import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parsePlan } from '../../shared/parse';
import { median, type BenchFigure } from './format';

/** Parse time of one document vs the same document repeated ten times: linear means about 10. */
export async function benchParseScaling(): Promise<BenchFigure[]> {
  const text = fs.readFileSync(path.resolve('..', 'shared', 'samples', 'yubei-2025-work-points.txt'), 'utf8');
  const tenfold = Array.from({ length: 10 }, () => text).join('\n');
  const time = (input: string) => {
    const started = performance.now();
    parsePlan({ text: input });
    return performance.now() - started;
  };
  for (let i = 0; i < 3; i++) time(text); // warm up the JIT
  const once: number[] = [];
  const ten: number[] = [];
  for (let round = 0; round < 7; round++) {
    once.push(time(text));
    ten.push(time(tenfold));
  }
  return [{ name: 'parse-10x-vs-1x', value: median(ten) / median(once), goal: '<=12' }];
}
