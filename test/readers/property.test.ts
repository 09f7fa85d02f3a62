/** Whatever bytes arrive, the readers answer with a result or a ReadError — nothing else escapes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReadError, readDocument, readPastedText } from '../../electron/import/readers/index';
import { expectChineseMessage, zip } from './fixtures';

const names = ['plan.txt', 'plan.docx', 'plan.xlsx', 'plan.pdf', 'plan.doc', 'plan.wps', 'plan', 'plan.zip'];

/** Random bytes, some of them behind a real magic number so the deeper readers get exercised. */
const prefixes: Uint8Array[] = [
  new Uint8Array(0),
  new TextEncoder().encode('%PDF-1.4\n'),
  new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
  new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  new Uint8Array([0xef, 0xbb, 0xbf]),
];
const suffixes: Uint8Array[] = [new Uint8Array(0), new TextEncoder().encode('\n%%EOF\n')];

async function outcome(bytes: Uint8Array, name: string): Promise<void> {
  try {
    const result = await readDocument(bytes, name);
    expect(result.text.trim()).not.toBe('');
  } catch (error) {
    expect(error).toBeInstanceOf(ReadError);
    expectChineseMessage((error as ReadError).message);
  }
}

describe('robustness', () => {
  it('random bytes never throw anything but ReadError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom(...prefixes),
        fc.constantFrom(...suffixes),
        fc.constantFrom(...names),
        async (body, prefix, suffix, name) => outcome(new Uint8Array([...prefix, ...body, ...suffix]), name),
      ),
      { numRuns: 300 },
    );
  });

  it('ZIP packages with random parts never throw anything but ReadError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('word/document.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'other.xml'),
        fc.uint8Array({ maxLength: 500 }),
        fc.string({ maxLength: 200 }),
        async (part, bytes, text) => outcome(zip({ '[Content_Types].xml': text, [part]: bytes }), 'plan.docx'),
      ),
      { numRuns: 100 },
    );
  });

  it('pasted text never throws anything but ReadError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => {
        try {
          expect(readPastedText(text).text.trim()).not.toBe('');
        } catch (error) {
          expect(error).toBeInstanceOf(ReadError);
        }
      }),
    );
  });
});
