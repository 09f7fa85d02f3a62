import fs from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import type { Database } from 'better-sqlite3';
import type { DiagnosticsFile } from '../../shared/api/diagnostics';
import { LOG_FILE, LOG_KEEP, logFolderOf } from '../core/log';
import { collectDiagnostics, describeDiagnostics } from './collect';

/** The log files beside the database, newest first. */
function logFiles(dbFile: string): { name: string; bytes: Uint8Array }[] {
  const folder = logFolderOf(dbFile);
  if (!folder) return [];
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (let i = 0; i < LOG_KEEP; i++) {
    const name = i === 0 ? LOG_FILE : `${LOG_FILE}.${i}`;
    try {
      files.push({ name, bytes: fs.readFileSync(path.join(folder, name)) });
    } catch {
      // Not rotated that far yet.
    }
  }
  return files;
}

function stamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/**
 * 诊断信息.zip: a readable summary, the same facts as JSON, and the local logs. It works without
 * an open database too (the case where it is needed most), then holds the logs and versions.
 */
export function diagnosticsBundle(input: { dbFile: string; db: Database | null; openError?: string | null; now?: Date }): DiagnosticsFile {
  const now = input.now ?? new Date();
  const facts = collectDiagnostics({ ...input, now });
  const entries: Record<string, Uint8Array> = {
    '诊断信息.txt': strToU8(describeDiagnostics(facts)),
    'diagnostics.json': strToU8(`${JSON.stringify(facts, null, 2)}\n`),
  };
  for (const file of logFiles(input.dbFile)) entries[`logs/${file.name}`] = file.bytes;
  const zip = zipSync(entries, { level: 6, mtime: now });
  return {
    fileName: `目标台账诊断信息-${stamp(now)}.zip`,
    contentBase64: Buffer.from(zip).toString('base64'),
    bytes: zip.byteLength,
    entries: Object.keys(entries),
    integrity: facts.integrity,
  };
}
