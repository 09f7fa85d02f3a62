import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePlan } from '../../shared/parse';
import { FIXTURES_DIR, SAMPLES_DIR } from './labels';

/**
 * The parser must survive what copying and re-saving documents does to them: stray spaces,
 * extra line breaks, page-number lines, full- or half-width punctuation. It never crashes and
 * finds the same number of tasks.
 */
const documents = [path.join(SAMPLES_DIR, 'yubei-2025-work-points.txt'), path.join(FIXTURES_DIR, 'qingshan-2026-work-points-fuze.txt'), path.join(SAMPLES_DIR, 'shapingba-service-system-plan-2025.txt')].map((file) => ({
  name: path.basename(file),
  text: fs.readFileSync(file, 'utf8'),
}));

const TO_FULL: Record<string, string> = { '0': '０', '1': '１', '2': '２', '3': '３', '5': '５', '9': '９', '%': '％', '(': '（', ')': '）', ':': '：' };
const TO_HALF: Record<string, string> = { '（': '(', '）': ')', '：': ':', '％': '%' };

/** Positions before a Chinese character that cannot start a numbered item. */
function breakablePositions(text: string): number[] {
  const positions: number[] = [];
  for (let i = 4; i < text.length; i++) {
    const ch = text[i]!;
    if (/[\u4e00-\u9fff]/.test(ch) && !/[一二三四五六七八九十第附]/.test(ch) && text[i - 1] !== '\n' && !/[\n\t]/.test(text.slice(i - 4, i))) positions.push(i);
  }
  return positions;
}

function insertAt(text: string, positions: number[], insert: string): string {
  let out = text;
  for (const position of [...positions].sort((a, b) => b - a)) out = out.slice(0, position) + insert + out.slice(position);
  return out;
}

for (const doc of documents) {
  describe(`robustness: ${doc.name}`, () => {
    const expected = parsePlan({ text: doc.text }).tasks.length;
    const lines = doc.text.split('\n');
    const breakable = breakablePositions(doc.text);

    it('keeps the task count with random spaces inside lines', () => {
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 0, max: doc.text.length - 1 }), { maxLength: 60 }), fc.constantFrom(' ', '  ', '\u3000'), (positions, space) => {
          const safe = positions.filter((p) => !/[\n\t]/.test(doc.text[p - 1] ?? '\n') && !/[\n\t]/.test(doc.text[p] ?? '\n'));
          expect(parsePlan({ text: insertAt(doc.text, safe, space) }).tasks.length).toBe(expected);
        }),
        { numRuns: 40 },
      );
    });

    it('keeps the task count with extra line breaks inside sentences', () => {
      fc.assert(
        fc.property(fc.uniqueArray(fc.constantFrom(...breakable), { maxLength: 20 }), fc.constantFrom('\n', '\n\n'), (positions, lineBreak) => {
          expect(parsePlan({ text: insertAt(doc.text, positions, lineBreak) }).tasks.length).toBe(expected);
        }),
        { numRuns: 40 },
      );
    });

    it('keeps the task count with page-number lines between lines', () => {
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 1, max: lines.length - 1 }), { maxLength: 15 }), fc.integer({ min: 1, max: 99 }), fc.constantFrom('— %d —', '- %d -', '第 %d 页', '%d'), (at, page, format) => {
          const copy = [...lines];
          for (const index of [...at].sort((a, b) => b - a)) {
            // A page break never falls inside a table row of flattened text.
            if (copy[index]?.startsWith('\t') || copy[index - 1]?.startsWith('\t')) continue;
            copy.splice(index, 0, format.replace('%d', String(page)));
          }
          expect(parsePlan({ text: copy.join('\n') }).tasks.length).toBe(expected);
        }),
        { numRuns: 40 },
      );
    });

    it('keeps the task count when punctuation switches width', () => {
      fc.assert(
        fc.property(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), (toFull, share) => {
          const map = toFull ? TO_FULL : TO_HALF;
          let index = 0;
          const switched = doc.text.replace(/./g, (ch) => (map[ch] && (index++ * 0.618) % 1 < share ? map[ch]! : ch));
          expect(parsePlan({ text: switched }).tasks.length).toBe(expected);
        }),
        { numRuns: 30 },
      );
    });

    it('never crashes on arbitrary text mixed in', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 0, max: doc.text.length }), (junk, at) => {
          expect(() => parsePlan({ text: doc.text.slice(0, at) + junk + doc.text.slice(at) })).not.toThrow();
        }),
        { numRuns: 40 },
      );
    });
  });
}
