import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSqlite } from '../../electron/db/native';
import { indexBody, matchExpression } from '../../electron/search/bigrams';

const Sqlite = loadSqlite();

describe('bigram search', () => {
  it('indexes character pairs and each run’s last character, tagged with the scope', () => {
    expect(indexBody(6, '疾控中心', null, '（托育）')).toBe('s6x疾控 s6x控中 s6x中心 s6x心 s6x托育 s6x育');
    expect(indexBody(1, 'ＡＢ１２％')).toBe('s1xab s1xb1 s1x12 s1x2');
    expect(matchExpression('疾控', 6)).toBe('"s6x疾控"');
    expect(matchExpression('健康素养 托育', 2)).toBe('"s2x健康 s2x康素 s2x素养" AND "s2x托育"');
    expect(matchExpression('婴', 3)).toBe('"s3x婴"*');
    expect(matchExpression(' ，。 ', 1)).toBeNull();
  });

  it('finds exactly the documents of the scope that contain the words (checked against a plain substring test)', () => {
    const db = new Sqlite(':memory:');
    db.exec("CREATE VIRTUAL TABLE f USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')");
    const alphabet = [...'疾控医保托育健康素养中心妇幼'];
    const text = fc.array(fc.constantFrom(...alphabet, '，', ' '), { minLength: 1, maxLength: 14 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(text, fc.constantFrom(1, 2, 12)), { minLength: 1, maxLength: 8 }),
        fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(1, 2, 12),
        (docs, queryChars, scope) => {
          db.exec('DELETE FROM f');
          const insert = db.prepare('INSERT INTO f (rowid, body) VALUES (?, ?)');
          docs.forEach(([doc, docScope], i) => insert.run(i + 1, indexBody(docScope, doc)));
          const query = queryChars.join('');
          const found = (db.prepare('SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid').pluck().all(matchExpression(query, scope)) as number[]).map((rowid) => rowid - 1);
          const expected = docs.flatMap(([doc, docScope], i) => (docScope === scope && doc.replace(/[， ]/g, '|').split('|').some((run) => run.includes(query)) ? [i] : []));
          expect(found).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
    db.close();
  });
});

describe('search index upkeep', () => {
  it('finds an entry that arrived before its task once the task arrives, and survives a rebuild', async () => {
    const { createTestCore } = await import('../helpers/core');
    const t = await createTestCore();
    const plan = await t.call('plans.create', { kind: 'work-points', title: '2025年工作要点', yearFrom: 2025, yearTo: 2025 });
    const dept = await t.call('departments.create', { name: '疾控科' });
    const taskId = '3d0a6f7b-4e5a-4b82-9d2e-3f4a5b6c7d8e';
    // As from another office's package: the entry first, its task later.
    t.core.mutations.run((w) => w.insert('progress_reports', '4e1b7a8c-5f6b-4c93-8e3f-4a5b6c7d8e9f', { task_id: taskId, department_id: dept.id, period: '2025-Q2', status: '推进中', progress_text: '完成托育机构摸底。', workflow_state: 'submitted' }));
    const search = async () => (await t.call('ledger.query', { period: '2025-Q2', search: '托育' })).rows.map((r) => r.taskId);
    expect(await search()).toEqual([]);
    t.core.mutations.run((w) => w.insert('tasks', taskId, { plan_id: plan.id, number: '1', title: '完善托育服务', sort_order: 1, lead_department_ids: [dept.id] }));
    expect(await search()).toEqual([taskId]);
    const byEntry = async () => (await t.call('ledger.query', { period: '2025-Q2', search: '摸底' })).rows.map((r) => r.match);
    expect(await byEntry()).toEqual(['本季度进展：完成托育机构摸底。']);
    t.core.search.rebuild();
    expect(await byEntry()).toEqual(['本季度进展：完成托育机构摸底。']);
    t.close();
  });
});

describe('migrations 20 and 40', () => {
  it('indexes the tasks and entries a database already holds', async () => {
    const { migrate } = await import('../../electron/db/migrate');
    const { SearchIndex } = await import('../../electron/search/search-index');
    const db = new Sqlite(':memory:');
    migrate(db, { to: 10 });
    db.prepare("INSERT INTO plans (id, title, year_from, year_to) VALUES ('p1', '2024年工作要点', 2024, 2024)").run();
    db.prepare("INSERT INTO tasks (id, plan_id, title) VALUES ('t1', 'p1', '推进医保支付方式改革')").run();
    db.prepare("INSERT INTO progress_reports (id, task_id, period, progress_text) VALUES ('r1', 't1', '2024-Q1', '开展托育机构摸底')").run();
    migrate(db, { to: 40 });
    const index = new SearchIndex(db);
    expect([...index.search(['p1'], '医保')!.taskIds]).toEqual(['t1']);
    expect(index.search(['p1'], '托育')!.entryIds).toEqual(['r1']);
    expect(index.search(['p2'], '医保')!.taskIds.size).toBe(0);
    db.close();
  });
});
