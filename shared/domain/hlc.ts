/**
 * Hybrid logical clock timestamps, encoded as fixed-width strings so that
 * string order equals clock order: `<wall ms, 13 digits>-<counter, 6 hex>-<installation id>`.
 * The installation id makes every timestamp unique across offices.
 */
export interface Hlc {
  readonly wall: number;
  readonly counter: number;
  readonly node: string;
}

const WALL_DIGITS = 13;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 16 ** COUNTER_DIGITS - 1;

export function formatHlc(hlc: Hlc): string {
  if (!Number.isInteger(hlc.wall) || hlc.wall < 0 || hlc.wall >= 10 ** WALL_DIGITS) {
    throw new RangeError(`HLC wall time out of range: ${hlc.wall}`);
  }
  if (!Number.isInteger(hlc.counter) || hlc.counter < 0 || hlc.counter > MAX_COUNTER) {
    throw new RangeError(`HLC counter out of range: ${hlc.counter}`);
  }
  if (hlc.node.length === 0) throw new RangeError('HLC node id is empty');
  const wall = String(hlc.wall).padStart(WALL_DIGITS, '0');
  const counter = hlc.counter.toString(16).padStart(COUNTER_DIGITS, '0');
  return `${wall}-${counter}-${hlc.node}`;
}

const HLC_PATTERN = /^(\d{13})-([0-9a-f]{6})-(.+)$/;

export function parseHlc(text: string): Hlc {
  const match = HLC_PATTERN.exec(text);
  if (!match) throw new SyntaxError(`Not an HLC timestamp: ${text}`);
  return { wall: Number(match[1]), counter: parseInt(match[2]!, 16), node: match[3]! };
}

export function isHlc(text: string): boolean {
  return HLC_PATTERN.test(text);
}

/** Total order over encoded timestamps; the fixed-width encoding makes this a string compare. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The next local timestamp after `last`, given physical time `now`.
 * Wall time never goes backwards even if the PC clock does.
 */
export function nextHlc(last: Hlc, now: number, node: string): Hlc {
  const wall = Math.max(last.wall, now);
  const counter = wall === last.wall ? last.counter + 1 : 0;
  if (counter > MAX_COUNTER) {
    // Over 16 million changes within one millisecond: borrow the next millisecond.
    return { wall: wall + 1, counter: 0, node };
  }
  return { wall, counter, node };
}

/**
 * Advance the local clock past a timestamp received from another office, so later local
 * changes order after everything already seen.
 */
export function receiveHlc(last: Hlc, remote: Hlc, now: number, node: string): Hlc {
  const wall = Math.max(last.wall, remote.wall, now);
  let counter: number;
  if (wall === last.wall && wall === remote.wall) counter = Math.max(last.counter, remote.counter) + 1;
  else if (wall === last.wall) counter = last.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0, node };
  return { wall, counter, node };
}

export const ZERO_HLC: Hlc = { wall: 0, counter: 0, node: 'zero' };
