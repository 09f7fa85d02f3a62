import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { installMenu, menuTemplate } from '../../electron/main/menu';
import { app, recorded } from './fake-electron';

vi.mock('electron', () => import('./fake-electron'));

const chinese = /^[\u4e00-\u9fff]+$/;

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('application menu', () => {
  it('installs a menu whose every label is Chinese', () => {
    app.isPackaged = true;
    installMenu();
    const items = flatten((recorded.menuTemplate ?? []) as MenuItemConstructorOptions[]).filter((item) => item.type !== 'separator');
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) expect(item.label, JSON.stringify(item)).toMatch(chinese);
  });

  it('has the expected menus and roles', () => {
    const template = menuTemplate({ developer: false });
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
      关于目标台账: 'about',
    });
  });

  it('offers DevTools only in development', () => {
    const devTools = (developer: boolean) => flatten(menuTemplate({ developer })).some((item) => item.role === 'toggleDevTools');
    expect(devTools(false)).toBe(false);
    expect(devTools(true)).toBe(true);
  });
});
