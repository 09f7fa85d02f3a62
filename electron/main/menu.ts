import { app, Menu, type MenuItemConstructorOptions, type WebContents } from 'electron';
import { EVENT_CHANNEL, type LedgerEvent } from '../../shared/api';

export const APP_NAME = '目标台账';

/**
 * Roles give the platform behaviour and shortcuts; labels are set explicitly because role
 * defaults follow the OS language, and a clerk's PC may be set to English.
 */
export function menuTemplate(options: { developer: boolean; onAbout: () => void }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新加载' },
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (options.developer) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' });
  return [
    { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图', submenu: view },
    // Not the native about panel: the page's dialog also shows the data folder and this PC's identity.
    { label: '帮助', submenu: [{ label: `关于${APP_NAME}`, click: () => options.onAbout() }] },
  ];
}

/** Ask the page in `target` (the main window, if open) to show its 关于 dialog. */
export function showAboutIn(target: () => WebContents | null): void {
  const contents = target();
  const event: LedgerEvent = { type: 'show-about' };
  if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, event);
}

/** `window`: the main window's page, or null while there is none. */
export function installMenu(window: () => WebContents | null): void {
  const onAbout = () => showAboutIn(window);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ developer: !app.isPackaged, onAbout })));
}
