import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type App } from './harness';

/**
 * Opening the browser host in Chromium (issue 14, finding 10): the printed one-time address gives
 * the browser a session it cannot read from scripts; another browser gets only how to open the app.
 */
describe('the browser host’s one-time address, in Chromium', () => {
  let app: App;

  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the address opens the app; the session cookie is HttpOnly and SameSite=Strict', async () => {
    const { page, host } = app;
    await page.getByLabel('单位名称').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const cookies = await page.context().cookies(host.url);
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ name: `tl_session_${new URL(host.url).port}`, httpOnly: true, sameSite: 'Strict', path: '/' });
    // A second tab of the same browser shares the session.
    const tab = await page.context().newPage();
    await tab.goto(host.url);
    await tab.getByLabel('单位名称').waitFor();
    await tab.close();
  });

  it('another browser (a new context) without an address sees how to open the app, not the token', async () => {
    const context = await app.browser.newContext({ locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      const response = await page.goto(app.host.url);
      expect(response?.status()).toBe(403);
      await page.getByRole('heading', { name: '请用启动时显示的地址打开目标台账' }).waitFor();
      expect(await page.content()).not.toContain(app.host.token);
      // An address another browser has used is spent.
      const used = app.host.openUrl();
      const first = await app.page.context().newPage();
      await first.goto(used);
      await first.close();
      await page.goto(used);
      await page.getByText('这个地址已经用过或已失效').waitFor();
      expect(await context.cookies(app.host.url)).toEqual([]);
      // Its own new address opens the app.
      await page.goto(app.host.openUrl());
      await page.getByLabel('单位名称').waitFor();
    } finally {
      await context.close();
    }
  });
});
