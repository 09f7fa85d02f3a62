import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, type App } from './harness';
import { launchWithSpringReports, OFFICE } from './seed';

const Q2 = '2025-Q2';
/** The office's PC: 办公室审核 has its own entry after 季度填报. */
const NAV = ['总览', '任务台账', '计划与任务', '指标', '季度填报', '办公室审核', '各单位对比', '导入计划', '数据交换', '报表', '设置'];

/** Where the keyboard stopped, as the page saw it. */
interface Stop {
  readonly where: 'skip' | 'header' | 'nav' | 'main' | 'dialog' | 'body' | 'other';
  readonly name: string;
  /** The focused element's outline, shadow and border, and the previous stop's once it lost the focus. */
  readonly look: string;
  readonly previousLookAfter: string | null;
  readonly ring: boolean;
  /** On screen and not covered by something else (a sticky header, a dialog backdrop). */
  readonly visible: string | null;
}

/** Press Tab (or Shift+Tab) and describe the element that has the focus now. */
async function tab(page: Page, shift = false): Promise<Stop> {
  await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  return page.evaluate(() => {
    const el = document.activeElement instanceof HTMLElement ? document.activeElement : document.body;
    const look = (e: Element) => {
      const s = getComputedStyle(e);
      return `outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | shadow ${s.boxShadow} | border ${s.borderColor}`;
    };
    const memory = window as unknown as { a11yLast?: HTMLElement };
    const last = memory.a11yLast;
    const previousLookAfter = last && last !== el && last.isConnected ? look(last) : null;
    memory.a11yLast = el;
    const s = getComputedStyle(el);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && s.outlineColor !== 'rgba(0, 0, 0, 0)') || s.boxShadow !== 'none';
    const where = el.classList.contains('skip-link')
      ? 'skip'
      : el.closest('[role="dialog"], [role="alertdialog"]')
        ? 'dialog'
        : el.closest('header')
          ? 'header'
          : el.closest('nav.nav')
            ? 'nav'
            : el.closest('main')
              ? 'main'
              : el === document.body
                ? 'body'
                : 'other';
    const name = (el.getAttribute('aria-label') ?? ((el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || el.getAttribute('title') || el.tagName)).trim().slice(0, 40);
    let visible: string | null = null;
    if (el !== document.body) {
      const r = el.getBoundingClientRect();
      const cx = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
      const cy = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
      const hit = document.elementFromPoint(cx, cy);
      if (r.width < 1 || r.height < 1) visible = 'has no size';
      else if (r.bottom <= 0 || r.top >= innerHeight || r.right <= 0 || r.left >= innerWidth) visible = 'is off screen';
      // A radio or checkbox sits inside its label; a label's text may be what is hit.
      else if (hit && hit !== el && !el.contains(hit) && !hit.contains(el) && hit.closest('label') !== el.closest('label')) visible = `is covered by ${hit.tagName}.${hit.className}`;
    }
    return { where, name, look: look(el), previousLookAfter, ring, visible } as const;
  });
}

/** Tab from a fresh start (nothing focused) until `until` says stop or `max` presses. */
async function walk(page: Page, max: number, until: (stop: Stop, stops: readonly Stop[]) => boolean): Promise<Stop[]> {
  // Focus a spot before everything, as a page just opened: the first Tab goes to the first control.
  await page.evaluate(() => {
    const start = document.createElement('div');
    start.id = 'a11y-start';
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    delete (window as unknown as { a11yLast?: HTMLElement }).a11yLast;
  });
  const stops: Stop[] = [];
  for (let i = 0; i < max; i++) {
    const stop = await tab(page);
    if (i === 0) await page.evaluate(() => document.getElementById('a11y-start')?.remove());
    stops.push(stop);
    if (until(stop, stops)) break;
  }
  return stops;
}

/** Every stop shows a ring that goes away when the focus moves on, and is on screen. */
function expectVisibleFocus(stops: readonly Stop[]): void {
  const problems: string[] = [];
  stops.forEach((stop, i) => {
    if (stop.where === 'body') return;
    if (!stop.ring) problems.push(`${stop.where} “${stop.name}” has no focus ring (${stop.look})`);
    if (stop.visible) problems.push(`${stop.where} “${stop.name}” ${stop.visible}`);
    const after = stops[i + 1]?.previousLookAfter;
    if (after != null && after === stop.look) problems.push(`${stop.where} “${stop.name}” looks the same focused and unfocused (${stop.look})`);
  });
  expect(problems).toEqual([]);
}

async function openPage(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('button', { name, exact: true }).click();
  await page.locator('main h1').first().waitFor();
  // The quarter with the reports, where the page has one.
  const quarter = page.getByLabel(/^(季度|期间)$/);
  if ((await quarter.count()) === 1) {
    // The quarters offered follow the plans, which may still be loading.
    await quarter.locator(`option[value="${Q2}"]`).waitFor({ state: 'attached' });
    await quarter.selectOption(Q2);
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(250);
}

/**
 * Keyboard and zoom in Chromium against the browser host: the office's 2025 work points with a
 * spring of reports.
 */
describe('keyboard access and zoom', () => {
  let app: App;

  beforeAll(async () => {
    app = await launchWithSpringReports(Q2);
    await app.page.setViewportSize({ width: 1366, height: 768 });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('Tab reaches the skip link, 关于, the navigation and every control of the 报表 form in order, each with a visible ring', async () => {
    const { page } = app;
    await openPage(page, '报表');
    await page.mouse.move(1300, 700);

    // What should be reachable in the page: every visible enabled control, a radio group once (its checked radio).
    const expectedMain = await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const all = [...main.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter((el) => {
        if ((el as HTMLButtonElement).disabled || el.tabIndex < 0) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      });
      return all
        .filter((el) => !(el instanceof HTMLInputElement && el.type === 'radio') || el.checked || !main.querySelector(`input[type="radio"][name="${el.name}"]:checked`))
        .map((el) => (el.getAttribute('aria-label') ?? ((el as HTMLInputElement).labels?.[0]?.textContent || el.textContent || el.getAttribute('title') || el.tagName)).trim().slice(0, 40));
    });
    expect(expectedMain.length).toBeGreaterThan(4);

    const stops = await walk(page, 120, (stop, all) => all.length > 1 && (stop.where === 'skip' || stop.where === 'body'));
    const order = stops.map((s) => s.where);
    // Skip link, then the header, the navigation, the page: each region once, in reading order.
    expect(order[0]).toBe('skip');
    expect(stops.filter((s) => s.where === 'header').map((s) => s.name)).toEqual(['关于']);
    expect(stops.filter((s) => s.where === 'nav').map((s) => s.name)).toEqual(NAV);
    const regions = order.filter((where, i) => where !== order[i - 1]);
    expect(regions.slice(0, 4)).toEqual(['skip', 'header', 'nav', 'main']);
    expect(stops.filter((s) => s.where === 'main').map((s) => s.name)).toEqual(expectedMain);
    // No trap: after the page the focus leaves it (to the document, then the skip link again).
    expect(['skip', 'body']).toContain(stops.at(-1)!.where);
    expectVisibleFocus(stops);
  });

  it('the skip link takes the keyboard past the navigation into the page', async () => {
    const { page } = app;
    await openPage(page, '报表');
    const [first] = await walk(page, 1, () => true);
    expect(first!.where).toBe('skip');
    expect(first!.visible).toBeNull();
    await app.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'a11y-skip-link.png') });
    await page.keyboard.press('Enter');
    const next = await tab(page);
    expect(next.where).toBe('main');
  });

  it('关于 opens from the keyboard, keeps Tab inside, closes on Esc and gives the focus back', async () => {
    const { page } = app;
    await openPage(page, '报表');
    await walk(page, 2, (stop) => stop.name === '关于');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '关于目标台账' });
    await dialog.waitFor();
    await expect(dialog.innerText()).resolves.toContain(path.dirname(app.dbPath));
    await expect(dialog.innerText()).resolves.toContain(OFFICE);
    await app.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'a11y-about.png') });

    const focusedInside = await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null);
    expect(focusedInside).toBe(true);
    const forward: Stop[] = [];
    for (let i = 0; i < 7; i++) forward.push(await tab(page));
    const backward: Stop[] = [];
    for (let i = 0; i < 7; i++) backward.push(await tab(page, true));
    expect([...forward, ...backward].every((s) => s.where === 'dialog')).toBe(true);
    // Three controls (×, 复制, 关闭), round and round.
    expect(new Set(forward.map((s) => s.name))).toEqual(new Set(['关闭', '复制数据文件夹路径']));
    expect(forward.slice(0, 3).map((s) => s.name)).toEqual(forward.slice(3, 6).map((s) => s.name));
    expectVisibleFocus(forward);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const back = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(back).toBe('关于');
  });

  const focusPages = ['总览', '任务台账', '季度填报', '设置'];
  it.each(focusPages)('on %s every Tab stop has a visible ring and the keyboard gets out again', async (name) => {
    const { page } = app;
    await openPage(page, name);
    await page.mouse.move(1300, 700);
    const stops = await walk(page, 250, (stop, all) => all.length > 1 && (stop.where === 'skip' || stop.where === 'body'));
    expect(stops.filter((s) => s.where === 'main').length).toBeGreaterThan(2);
    expect(['skip', 'body']).toContain(stops.at(-1)!.where);
    expectVisibleFocus(stops);
  });

  /*
   * Ctrl +/- in Chromium shrinks the CSS viewport and raises the device pixel ratio: on a
   * 1366×768 screen 150% is a 910×512 page drawn at 1.5, 200% a 683×384 page drawn at 2. A
   * high-DPI screen at 100% zoom keeps the CSS size and only raises the ratio.
   */
  const screens = [
    { label: 'hidpi-150', width: 1366, height: 768, scale: 1.5 },
    { label: 'hidpi-200', width: 1366, height: 768, scale: 2 },
    { label: 'zoom-150', width: 910, height: 512, scale: 1.5 },
    { label: 'zoom-200', width: 683, height: 384, scale: 2 },
  ];
  const zoomPages = ['总览', '任务台账', '季度填报', '报表', '设置'];

  it.each(screens)('at $label the pages fit the width and the frame does not cover them', async ({ label, width, height, scale }) => {
    const context = await app.browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale, locale: 'zh-CN' });
    try {
      const page = await context.newPage();
      // A new browser context has no session: it needs its own one-time address.
      await page.goto(app.host.openUrl());
      const problems: string[] = [];
      for (const name of zoomPages) {
        await openPage(page, name);
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `a11y-${label}-${name}.png`) });
        const layout = await page.evaluate(() => {
          const rect = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
          const root = document.scrollingElement!;
          const main = document.querySelector('main')!;
          const header = document.querySelector('header')!;
          const brand = rect('.header-brand');
          const user = rect('.header-user');
          return {
            page: [root.scrollWidth, root.clientWidth],
            main: [main.scrollWidth, main.clientWidth],
            headerOverMain: rect('header').bottom - rect('main').top,
            navOverMain: rect('nav.nav').right - rect('main').left,
            headerParts: brand.right - user.left,
            headerFits: header.scrollHeight <= header.clientHeight + 1 && header.scrollWidth <= header.clientWidth + 1,
          };
        });
        const where = `${label} ${name}`;
        if (layout.page[0]! > layout.page[1]! + 1) problems.push(`${where}: the window scrolls sideways (${layout.page.join(' > ')})`);
        if (layout.main[0]! > layout.main[1]! + 1) problems.push(`${where}: the page area scrolls sideways (${layout.main.join(' > ')})`);
        if (layout.headerOverMain > 0.5) problems.push(`${where}: the header overlaps the page by ${layout.headerOverMain}px`);
        if (layout.navOverMain > 0.5) problems.push(`${where}: the navigation overlaps the page by ${layout.navOverMain}px`);
        if (layout.headerParts > 0.5) problems.push(`${where}: the header's office name runs into 关于 and the clerk`);
        if (!layout.headerFits) problems.push(`${where}: the header's content does not fit it`);
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
