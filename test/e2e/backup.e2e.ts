import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../electron/core/client';
import { startWebHost } from '../../electron/host/web-server';
import { tempDir } from '../helpers/core';
import { flipHeader } from '../core/backup-fixture';
import { fullShot, SCREENSHOT_DIR, type App } from './harness';
import { callCore, launchWithSpringReports } from './seed';

/** 设置 → 备份与恢复: make a backup, change something, and take the change back in two clicks. */
describe('backup and restore, in Chromium against the browser host', () => {
  let app: App;

  beforeAll(async () => {
    app = await launchWithSpringReports('2025-Q2');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('makes a backup in 设置, then restores it with 恢复 and its confirmation; the later change is gone', async () => {
    const { page } = app;
    const nav = page.getByRole('navigation', { name: '主导航' });
    await nav.getByRole('button', { name: '设置' }).click();
    const card = page.getByRole('region', { name: /备份与恢复/ });
    const table = card.getByRole('table', { name: '备份列表' });
    // The plan import took one already.
    await table.getByText('导入计划前').waitFor();

    const started = performance.now();
    await card.getByRole('button', { name: '立即备份' }).click();
    await table.getByText('手动备份').waitFor();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const list = await callCore(app, 'backup.list', {});
    const manual = list.backups.find((b) => b.reason === 'manual')!;
    console.log(`manual backup of the fixture (work points + spring reports): ${seconds} s in the page, ${manual.bytes} bytes`, manual.counts);
    expect(fs.existsSync(path.join(list.folder, `${manual.id}.sqlite`))).toBe(true);

    // A change after the backup: a new department.
    await page.getByLabel('科室名称').fill('健康促进科');
    await page.getByRole('button', { name: '添加科室' }).click();
    const departments = page.getByRole('table', { name: '科室列表' });
    await departments.getByText('健康促进科').waitFor();
    const before = await callCore(app, 'system.status', {});

    // Two clicks: 恢复 on the row, 恢复 in the dialog that names the backup's time.
    const row = table.getByRole('row').filter({ hasText: '手动备份' });
    await row.getByRole('button', { name: /^恢复/ }).click();
    const dialog = page.getByRole('alertdialog', { name: '恢复备份' });
    await dialog.waitFor();
    const time = (await row.locator('.backup-time').textContent())!;
    await expect(dialog.textContent()).resolves.toContain(`恢复到 ${time} 的备份（手动备份）`);
    await app.screenshot('backup-01-confirm');
    await dialog.getByRole('button', { name: '恢复' }).click();

    await page.getByText(/^已恢复到/).waitFor();
    await departments.getByText('健康促进科').waitFor({ state: 'detached' });
    await table.getByText('恢复前').waitFor();
    const after = await callCore(app, 'system.status', {});
    expect(after.installation?.installationId).not.toBe(before.installation?.installationId);
    // The fingerprint shown in 本机信息 follows the new identity.
    await page.locator('code.fingerprint', { hasText: after.installation!.fingerprint }).waitFor();
    const plans = await callCore(app, 'plans.list', {});
    expect(plans).toHaveLength(1);
    await fullShot(app, 'backup-02-restored');
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('a damaged database, in Chromium against the browser host', () => {
  it('shows the start screen with the newest backups; 恢复 and its confirmation bring the app back', async () => {
    const dbPath = path.join(tempDir('tl-e2e-'), 'ledger.sqlite');
    const first = await CoreClient.start({ dbPath });
    await first.invoke('system.init', { officeName: '渝北区卫生健康委' });
    await first.invoke('plans.create', { kind: 'work-points', title: '2025年全区卫生健康工作要点', yearFrom: 2025, yearTo: 2025 });
    const backup = await first.invoke('backup.create', {});
    expect(backup.ok).toBe(true);
    await first.close();
    flipHeader(dbPath);

    const client = await CoreClient.start({ dbPath });
    expect(client.openError?.code).toBe('CORRUPT');
    const host = await startWebHost({ core: client, staticDir: path.resolve('out/renderer') });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await (await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' })).newPage();
      await page.goto(host.openUrl());
      await page.getByText('目标台账无法打开数据').waitFor();
      const restore = page.getByRole('button', { name: /^恢复 .* 的备份$/ });
      await restore.waitFor();
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'backup-03-damaged-start.png') });
      await restore.click();
      const dialog = page.getByRole('alertdialog', { name: '恢复备份' });
      await dialog.getByRole('button', { name: '恢复' }).click();
      await page.getByRole('navigation', { name: '主导航' }).waitFor();
      await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name: '计划与任务' }).click();
      await page.getByText('2025年全区卫生健康工作要点').first().waitFor();
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'backup-04-recovered.png') });
    } finally {
      await browser.close();
      await host.close();
      await client.close();
    }
  });
});
