/*
 * Child of parse-bombs.test.ts: reads and parses one file exactly as the import's parse thread
 * does (readAndParse), and prints the outcome and the process's peak memory (maxRSS) as JSON.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readAndParse } from '../../electron/import/parse-job';

const [file] = process.argv.slice(2);
const contentBase64 = fs.readFileSync(file!).toString('base64');
const started = Date.now();
let outcome: { ok: boolean; code?: string; message?: string };
try {
  await readAndParse({ fileName: path.basename(file!), contentBase64 }, () => {});
  outcome = { ok: true };
} catch (error) {
  const { error: refusal } = error as { error?: { code: string; message: string } };
  outcome = refusal ? { ok: false, ...refusal } : { ok: false, code: 'THROWN', message: String(error) };
}
process.stdout.write(`${JSON.stringify({ ...outcome, ms: Date.now() - started, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
