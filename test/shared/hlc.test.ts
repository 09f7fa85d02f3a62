import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareHlc, formatHlc, nextHlc, parseHlc, receiveHlc, ZERO_HLC } from '../../shared/domain/hlc';

describe('hybrid logical clock', () => {
  it('round-trips through its string form', () => {
    const hlc = { wall: 1_735_689_600_000, counter: 42, node: 'a1b2c3d4-0000-4000-8000-000000000000' };
    expect(parseHlc(formatHlc(hlc))).toEqual(hlc);
  });

  it('string order equals clock order', () => {
    fc.assert(
      fc.property(
        fc.record({ wall: fc.integer({ min: 0, max: 9_999_999_999_999 }), counter: fc.integer({ min: 0, max: 0xffffff }), node: fc.constantFrom('aaaa', 'bbbb', 'cccc') }),
        fc.record({ wall: fc.integer({ min: 0, max: 9_999_999_999_999 }), counter: fc.integer({ min: 0, max: 0xffffff }), node: fc.constantFrom('aaaa', 'bbbb', 'cccc') }),
        (a, b) => {
          const expected = a.wall - b.wall || a.counter - b.counter || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
          expect(Math.sign(compareHlc(formatHlc(a), formatHlc(b)))).toBe(Math.sign(expected));
        },
      ),
    );
  });

  it('never goes backwards when the PC clock does', () => {
    let last = ZERO_HLC;
    const issued: string[] = [];
    for (const now of [1000, 1000, 999, 500, 1001, 1001, 2000, 10]) {
      last = nextHlc(last, now, 'node');
      issued.push(formatHlc(last));
    }
    expect([...issued].sort()).toEqual(issued);
    expect(new Set(issued).size).toBe(issued.length);
  });

  it('orders local changes after a received remote timestamp', () => {
    const local = { wall: 1000, counter: 3, node: 'local' };
    const remote = { wall: 5000, counter: 7, node: 'remote' };
    const after = receiveHlc(local, remote, 2000, 'local');
    expect(compareHlc(formatHlc(after), formatHlc(remote))).toBe(1);
    expect(after).toEqual({ wall: 5000, counter: 8, node: 'local' });
  });

  it('rejects malformed timestamps', () => {
    expect(() => parseHlc('yesterday')).toThrow();
    expect(() => formatHlc({ wall: -1, counter: 0, node: 'x' })).toThrow();
    expect(() => formatHlc({ wall: 1, counter: 0x1000000, node: 'x' })).toThrow();
  });
});
