import { fireEvent, screen } from '@testing-library/react';
import type { FakeLedger } from './fake-ledger';
import { openPage } from './render-app';

/*
 * Steps the import DOM tests share: the office's departments for every owner name in the
 * WORK_POINTS fixtures, pasting a plan into 导入计划, and finding a task card of the review.
 */

/** Departments for every owner name in WORK_POINTS, by name or alias (plus any `extra`). */
export async function seedAll(fake: FakeLedger, extra: readonly string[] = []): Promise<void> {
  await fake.act('departments.create', { name: '疾病预防控制科', aliases: ['疾控科'] });
  await fake.act('departments.create', { name: '信息统计科', aliases: [] });
  await fake.act('departments.create', { name: '办公室', aliases: ['办公室（安稳办）'] });
  await fake.act('departments.create', { name: '基层科', aliases: [] });
  await fake.act('departments.create', { name: '医政科', aliases: [] });
  for (const name of extra) await fake.act('departments.create', { name, aliases: [] });
}

/** Paste the text on 导入计划 and wait for the review. */
export async function pasteAndRead(text: string): Promise<void> {
  await openPage('导入计划');
  fireEvent.click(await screen.findByRole('tab', { name: '粘贴文字' }));
  fireEvent.change(screen.getByLabelText('计划全文'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: '识别粘贴的文字' }));
  await screen.findByRole('heading', { name: '核对导入内容', level: 1 });
}

export const card = (label: string) => screen.getByRole('article', { name: label });
