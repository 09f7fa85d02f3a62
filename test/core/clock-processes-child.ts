import readline from 'node:readline';
import { Core } from '../../electron/core/core';

/*
 * One writer process for clock-processes.test.ts: opens the database like the browser host or
 * the CLI would and writes one settings record per command read from stdin, answering each
 * command with one line on stdout. Commands:
 *   write <id>           one save; answers `ok <hlc>` or `err <message>`
 *   ahead <ms> <id>      one save with this PC's clock <ms> ahead (as after a package stamped ahead)
 *   reopen               close and open the database again (a new CLI run); answers `ok`
 *   burst <prefix> <n>   n saves as fast as possible; answers `ok <hlc,hlc,...>` or `err <message>`
 *   exit
 * Usage: node --import tsx test/core/clock-processes-child.ts <database>
 */

const [file] = process.argv.slice(2) as [string];
let offset = 0;
const open = () => Core.open(file, { now: () => Date.now() + offset });
let core = open();
const say = (line: string) => process.stdout.write(`${line}\n`);

function save(id: string): string {
  core.mutations.run((writer) => writer.insert('settings', id, { office_id: core.requireIdentity().officeId, key: id, value: { by: process.pid } }));
  return core.db.prepare("SELECT hlc FROM change_log WHERE tbl = 'settings' AND row_id = ? AND col = 'key'").pluck().get(id) as string;
}

function answer(work: () => string): void {
  try {
    say(`ok ${work()}`);
  } catch (error) {
    say(`err ${error instanceof Error ? error.message : String(error)}`.replace(/\n/g, ' '));
  }
}

say('ready');
for await (const line of readline.createInterface({ input: process.stdin })) {
  const [command, a, b] = line.split(' ') as [string, string, string];
  if (command === 'exit') break;
  if (command === 'write') answer(() => save(a));
  else if (command === 'ahead')
    answer(() => {
      offset = Number(a);
      try {
        return save(b);
      } finally {
        offset = 0;
      }
    });
  else if (command === 'reopen')
    answer(() => {
      core.close();
      core = open();
      return '';
    });
  else if (command === 'burst')
    answer(() => {
      const hlcs: string[] = [];
      for (let i = 0; i < Number(b); i++) hlcs.push(save(`${a}-${i}`));
      return hlcs.join(',');
    });
  else say(`err unknown command ${command}`);
}
core.close();
process.exit(0);
