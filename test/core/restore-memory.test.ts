import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupFolder, type Manifest } from '../../electron/backup/store';
import { tempDir } from '../helpers/core';
import { backupFixture, bombEntry, handZip, storedEntry } from './backup-fixture';

/*
 * Issue 14, finding 6 (.tlbak): bombs are refused in seconds with bounded memory. Each restore
 * runs in a child process (restore-memory-child.ts) that reports its peak resident memory.
 */

const CHILD = path.resolve('test/core/restore-memory-child.ts');
const MB = 1024 * 1024;
const GB = 1024 * MB;

interface Report {
  readonly ok: boolean;
  readonly code?: string;
  readonly message?: string;
  readonly ms: number;
  readonly maxRssMb: number;
  readonly vmHwmMb: number | null;
}

function restoreInChild(dbFile: string, file: string): Report {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CHILD, dbFile, file], { encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Report;
}

describe('restore bombs in bounded memory and time', () => {
  it('refuses an 8 GB zip bomb, a bomb inflating to its 1 GB declared size and an 8 GB sparse database, each under 300 MB peak', { timeout: 300_000 }, async () => {
    const f = await backupFixture();
    const backup = await f.t.call('backup.create', {});
    f.t.close();
    const folder = backupFolder(f.file);
    const prefix = fs.readFileSync(path.join(folder, `${backup.id}.sqlite`));
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, `${backup.id}.json`), 'utf8')) as Manifest;
    const dir = tempDir('tl-bombs-');

    const bomb = path.join(dir, 'bomb.tlbak');
    fs.writeFileSync(bomb, handZip([storedEntry('manifest.json', Buffer.from(JSON.stringify(manifest))), bombEntry(prefix, 8 * GB)]));
    const declared = path.join(dir, 'declared.tlbak');
    const big = { ...manifest, bytes: GB, databaseBytes: GB };
    fs.writeFileSync(declared, handZip([storedEntry('manifest.json', Buffer.from(JSON.stringify(big))), bombEntry(prefix, 8 * GB, 16 * MB)]));
    const sparse = path.join(dir, 'sparse.sqlite');
    fs.writeFileSync(sparse, prefix);
    fs.truncateSync(sparse, 8 * GB);

    const lines: string[] = [];
    for (const [name, file, seconds] of [
      ['8 GB zip bomb', bomb, 5],
      ['bomb within 1 GB declared', declared, 30],
      ['8 GB sparse database', sparse, 5],
    ] as const) {
      const report = restoreInChild(f.file, file);
      lines.push(`  ${name.padEnd(28)} ${(fs.statSync(file).size / MB).toFixed(1)} MB file: refused in ${(report.ms / 1000).toFixed(2)} s, peak ${report.maxRssMb.toFixed(0)} MB (VmHWM ${report.vmHwmMb?.toFixed(0)} MB) — ${report.message}`);
      expect(report.ok, name).toBe(false);
      expect(report.message).toMatch(/超过了.*未作任何改动/);
      expect(report.maxRssMb, name).toBeLessThan(300);
      expect(report.ms, name).toBeLessThan(seconds * 1000);
    }
    console.log(`restore bombs:\n${lines.join('\n')}`);
    expect(fs.statSync(bomb).size).toBeLessThan(9 * MB);
    // Nothing of them is left in the backup folder.
    expect(fs.readdirSync(folder).filter((n) => n.startsWith('.restore-'))).toEqual([]);
  });
});
