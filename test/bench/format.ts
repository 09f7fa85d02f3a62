export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  /** e.g. `>=0.5`, `<=2` */
  readonly goal: string;
}

export function formatFigure(figure: BenchFigure): string {
  return `BENCH ${figure.name} ${figure.value.toFixed(2)} ${figure.goal}`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function meetsGoal(figure: BenchFigure): boolean {
  const match = /^(>=|<=)([\d.]+)$/.exec(figure.goal);
  if (!match) return false;
  return match[1] === '>=' ? figure.value >= Number(match[2]) : figure.value <= Number(match[2]);
}
