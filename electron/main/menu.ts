import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export const APP_NAME = '目标台账';

/**
 * Roles give the platform behaviour and shortcuts; labels are set explicitly because role
 * defaults follow the OS language, and a clerk's PC may be set to English.
 */
export function menuTemplate(options: { developer: boolean }): MenuItemConstructorOptions[] {
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
    { label: '帮助', submenu: [{ role: 'about', label: `关于${APP_NAME}` }] },
  ];
}

export function installMenu(): void {
  app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion(), copyright: '区卫生健康委' });
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ developer: !app.isPackaged })));
}
