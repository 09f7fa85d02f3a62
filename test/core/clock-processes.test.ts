import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { formatHlc } from '../../shared/domain/hlc';
import { createTestCore, tempDir } from '../helpers/core';

/*
 * Issue 14, finding 9: every process on one database (the desktop app, the browser host, the
 * CLI) must issue timestamps from the one clock stored in that database. Before, each process
 * kept its clock in memory: after a save stamped an hour ahead and a new CLI run, both processes
 * counted on from the same stored value and every save of one of them failed on
 * "UNIQUE constraint failed: change_log.hlc".
 */

const CHILD = path.resolve('test/core/clock-processes-child.ts');
const ROUNDS = 200;
const BURST = 150;
const HOUR = 3_600_000;

class Writer {
  private readonly replies: string[] = [];
  private waiting: ((line: string) => void) | null = null;
  pid = 0;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = null;
        resolve(line);
      } else this.replies.push(line);
    });
  }

  static async start(file: string): Promise<Writer> {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => {
      if (code !== 0) console.error(`writer ${child.pid} exited with ${code}: ${stderr}`);
    });
    const writer = new Writer(child);
    const ready = await writer.next();
    expect(ready, stderr).toBe('ready');
    writer.pid = child.pid!;
    return writer;
  }

  private next(): Promise<string> {
    const line = this.replies.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** Send one command and wait for its answer: `ok …` or `err …`. */
  async ask(command: string): Promise<string> {
    this.child.stdin.write(`${command}\n`);
    return this.next();
  }

  stop(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.on('exit', () => resolve());
      this.child.stdin.end('exit\n');
    });
  }
}

function strictlyIncreasing(hlcs: readonly string[]): boolean {
  return hlcs.every((hlc, i) => i === 0 || hlcs[i - 1]! < hlc);
}

const writers: Writer[] = [];
afterEach(async () => {
  await Promise.all(writers.splice(0).map((w) => w.stop()));
});

describe('one clock per database', () => {
  it('two processes writing alternately, with a save stamped an hour ahead and a new CLI run between, never issue the same timestamp', async () => {
    const file = path.join(tempDir('tl-clock-'), 'ledger.sqlite');
    (await createTestCore({ file })).close();
    const a = await Writer.start(file);
    const b = await Writer.start(file);
    writers.push(a, b);

    const issued = new Map<Writer, string[]>([
      [a, []],
      [b, []],
    ]);
    /** Every answer in the order the saves happened (the processes take turns). */
    const inOrder: string[] = [];
    const errors: string[] = [];
    const ids = new Map<string, Writer>();
    const record = (writer: Writer, id: string | null, reply: string) => {
      if (!reply.startsWith('ok ')) {
        errors.push(`${id}: ${reply}`);
        return;
      }
      if (id === null) return;
      ids.set(id, writer);
      issued.get(writer)!.push(reply.slice(3));
      inOrder.push(reply.slice(3));
    };
    for (let round = 0; round < ROUNDS; round++) {
      if (round === ROUNDS / 2) {
        // The host saves with a clock an hour ahead (as after importing a package stamped ahead),
        // then the CLI runs again and reads the stored clock.
        record(a, 'a-ahead', await a.ask(`ahead ${HOUR} a-ahead`));
        record(b, null, await b.ask('reopen'));
      }
      record(a, `a-${round}`, await a.ask(`write a-${round}`));
      record(b, `b-${round}`, await b.ask(`write b-${round}`));
    }
    // Then both at once, as fast as they can: each save must wait for the other's, not fail.
    const [burstA, burstB] = await Promise.all([a.ask(`burst ab ${BURST}`), b.ask(`burst bb ${BURST}`)]);
    for (const [writer, reply, prefix] of [
      [a, burstA, 'ab'],
      [b, burstB, 'bb'],
    ] as const) {
      if (!reply.startsWith('ok ')) errors.push(`${prefix}: ${reply}`);
      else {
        const hlcs = reply.slice(3).split(',');
        hlcs.forEach((_, i) => ids.set(`${prefix}-${i}`, writer));
        issued.get(writer)!.push(...hlcs);
      }
    }
    await Promise.all([a.stop(), b.stop()]);

    expect(errors).toEqual([]);
    expect(strictlyIncreasing(issued.get(a)!)).toBe(true);
    expect(strictlyIncreasing(issued.get(b)!)).toBe(true);
    expect(strictlyIncreasing(inOrder)).toBe(true);
    expect(ids.size).toBe(2 * ROUNDS + 1 + 2 * BURST);

    const core = Core.open(file);
    try {
      const log = core.db.prepare("SELECT hlc FROM change_log WHERE tbl = 'settings'").pluck().all() as string[];
      expect(log.length).toBe(3 * ids.size);
      expect(new Set(log).size).toBe(log.length);
      // Every save is there, with the value its process wrote.
      const rows = core.db.prepare('SELECT id, key, value FROM settings').all() as { id: string; key: string; value: string }[];
      const saved = new Map(rows.map((r) => [r.id, r]));
      for (const [id, writer] of ids) {
        expect(saved.get(id)?.key).toBe(id);
        expect(JSON.parse(saved.get(id)!.value)).toEqual({ by: writer.pid });
      }
      // The stored clock is at or past everything issued, so the next process starts after it.
      const stored = core.db.prepare("SELECT value FROM local_meta WHERE key = 'clock'").pluck().get() as string;
      const newest = core.db.prepare('SELECT MAX(hlc) FROM change_log').pluck().get() as string;
      expect(stored >= newest).toBe(true);
    } finally {
      core.close();
    }
  }, 120_000);

  it('two cores on one file in one process take turns on the stored clock, and a received timestamp is stored in its transaction', async () => {
    const file = path.join(tempDir('tl-clock-'), 'ledger.sqlite');
    // Both read the same frozen time: only the stored clock can keep them apart.
    const frozen = Date.now();
    const first = (await createTestCore({ file, now: () => frozen })).core;
    const second = Core.open(file, { now: () => frozen });
    try {
      const save = (core: Core, id: string): string => {
        core.mutations.run((writer) => writer.insert('settings', id, { office_id: core.requireIdentity().officeId, key: id, value: id }));
        return core.db.prepare("SELECT hlc FROM change_log WHERE tbl = 'settings' AND row_id = ? AND col = 'value'").pluck().get(id) as string;
      };
      const hlcs: string[] = [];
      for (let i = 0; i < 50; i++) {
        hlcs.push(save(first, `first-${i}`));
        hlcs.push(save(second, `second-${i}`));
      }
      expect(strictlyIncreasing(hlcs)).toBe(true);

      // The merge moves the clock past a package stamped an hour ahead, inside its own transaction.
      const ahead = formatHlc({ wall: frozen + HOUR, counter: 7, node: 'another-installation' });
      first.db.transaction(() => {
        first.clock.receive(ahead);
        first.clock.persist();
      })();
      // The other core's next save comes after it, though its own clock never saw the package.
      expect(save(second, 'second-after') > ahead).toBe(true);
      const last = save(second, 'second-last');
      expect(save(first, 'first-after') > last).toBe(true);
      const log = second.db.prepare('SELECT hlc FROM change_log').pluck().all() as string[];
      expect(new Set(log).size).toBe(log.length);
    } finally {
      second.close();
      first.close();
    }
  });
});
