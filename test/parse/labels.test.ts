import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../shared/parse';
import { readDocument } from '../../electron/import/readers';
import { loadLabels, SAMPLES_DIR, score, sourcePath, type Label } from './labels';

/**
 * Every hand-labelled document (the real samples and our own fixtures) in every format it
 * exists in: all tasks and owners must match the labels, and targets reach ≥ 90% precision and
 * recall. The figures are printed per file.
 */
const labels = loadLabels();

async function parseFile(label: Label, name: string) {
  const file = sourcePath(label, name);
  const read = await readDocument(new Uint8Array(fs.readFileSync(file)), path.basename(file));
  return parsePlan({ text: read.text, tables: read.tables, format: read.format, fileName: path.basename(file) });
}

describe('hand-labelled documents', () => {
  it('finds the shared samples (CI must have them)', () => {
    expect(fs.existsSync(SAMPLES_DIR), `missing ${SAMPLES_DIR}`).toBe(true);
    expect(labels.filter((l) => l.sourceDir === 'samples').length).toBeGreaterThanOrEqual(4);
    expect(labels.filter((l) => l.sourceDir === 'fixtures').length).toBeGreaterThanOrEqual(3);
  });

  for (const label of labels) {
    for (const name of [label.source, ...label.alsoFrom]) {
      it(`${name}: every task and owner, targets ≥ 90%`, async () => {
        const result = await parseFile(label, name);
        const s = score(label, result);
        console.log(
          `PARSE ${name}: tasks ${s.tasksFound}/${s.tasksExpected}, task mismatches ${s.taskMismatches.length}, targets precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} (${s.targetsMatched} matched, ${s.targetsFound} found, ${s.targetsExpected} labelled)`,
        );
        expect(s.taskMismatches).toEqual([]);
        expect(s.precision).toBeGreaterThanOrEqual(0.9);
        expect(s.recall).toBeGreaterThanOrEqual(0.9);
        expect({ title: result.title, kind: result.kind, docNumber: result.docNumber, issuer: result.issuer, issuedOn: result.issuedOn }).toEqual({
          title: label.title,
          kind: label.kind,
          docNumber: label.docNumber,
          issuer: label.issuer,
          issuedOn: label.issuedOn,
        });
        // Offsets point at the phrase they came from.
        for (const target of result.targets) {
          if (target.end > target.start) expect(result.normalizedText.slice(target.start, target.end)).toBe(target.phrase);
        }
      });
    }
  }
});
