import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL } from '../../shared/api';
import { installMenu, menuTemplate, showAboutIn } from '../../electron/main/menu';
import { app, FakeWebContents, recorded } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const chinese = /^[\u4e00-\u9fff]+$/;

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('application menu', () => {
  it('installs a menu whose every label is Chinese', () => {
    app.isPackaged = true;
    installMenu(() => null);
    const items = flatten((recorded.menuTemplate ?? []) as MenuItemConstructorOptions[]).filter((item) => item.type !== 'separator');
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) expect(item.label, JSON.stringify(item)).toMatch(chinese);
  });

  it('has the expected menus and roles', () => {
    const template = menuTemplate({ developer: false, onAbout: () => {} });
    expect(template.map((menu) => menu.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const roles = Object.fromEntries(flatten(template).filter((item) => item.role).map((item) => [item.label, item.role]));
    expect(roles).toEqual({
      退出: 'quit',
      撤销: 'undo',
      重做: 'redo',
      剪切: 'cut',
      复制: 'copy',
      粘贴: 'paste',
      全选: 'selectAll',
      重新加载: 'reload',
      实际大小: 'resetZoom',
      放大: 'zoomIn',
      缩小: 'zoomOut',
      全屏: 'togglefullscreen',
    });
  });

  it('帮助 → 关于目标台账 calls back instead of opening the native about panel', () => {
    const onAbout = vi.fn();
    const help = menuTemplate({ developer: false, onAbout }).find((menu) => menu.label === '帮助');
    const about = (help?.submenu as MenuItemConstructorOptions[])[0]!;
    expect(about.label).toBe('关于目标台账');
    expect(about.role).toBeUndefined();
    expect(onAbout).not.toHaveBeenCalled();
    (about.click as () => void)();
    expect(onAbout).toHaveBeenCalledTimes(1);
  });

  it('the installed menu sends show-about to the window the callback names, and nothing once it is gone', () => {
    const contents = new FakeWebContents();
    let target: FakeWebContents | null = contents;
    installMenu(() => target as never);
    const help = (recorded.menuTemplate as MenuItemConstructorOptions[]).find((menu) => menu.label === '帮助');
    const click = (help?.submenu as MenuItemConstructorOptions[])[0]!.click as () => void;
    click();
    expect(contents.sent).toEqual([{ channel: EVENT_CHANNEL, payload: { type: 'show-about' } }]);
    contents.destroyed = true;
    click();
    target = null;
    click();
    expect(contents.sent).toHaveLength(1);
  });

  it('showAboutIn ignores a missing window', () => {
    expect(() => showAboutIn(() => null)).not.toThrow();
  });

  it('offers DevTools only in development', () => {
    const devTools = (developer: boolean) => flatten(menuTemplate({ developer, onAbout: () => {} })).some((item) => item.role === 'toggleDevTools');
    expect(devTools(false)).toBe(false);
    expect(devTools(true)).toBe(true);
  });
});
