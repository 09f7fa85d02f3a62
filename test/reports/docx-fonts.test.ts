import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseFonts, FONT_CHAINS, fontFolders, installedFontFiles, pickFont } from '../../electron/reports/fonts';
import { tempDir } from '../helpers/core';

/** Font folders made of empty files: detection goes by file name only. */
function folderWith(files: Record<string, string[]>): string {
  const root = tempDir('tl-fonts-');
  for (const [folder, names] of Object.entries(files)) {
    fs.mkdirSync(path.join(root, folder), { recursive: true });
    for (const name of names) fs.writeFileSync(path.join(root, folder, name), '');
  }
  return root;
}

describe('公文 fonts', () => {
  it('keep the standard names when no font can be found', () => {
    expect(chooseFonts(new Set())).toEqual({ title: '方正小标宋简体', body: '仿宋_GB2312', heading1: '黑体', heading2: '楷体_GB2312', pageNumber: '宋体', latin: 'Times New Roman' });
    expect(chooseFonts(installedFontFiles(['/no/such/folder']))).toEqual(chooseFonts(new Set()));
  });

  it('take the first font of each chain that a Windows font folder has, by file name in any case', () => {
    // A stock Windows 10: 宋体, 黑体, 仿宋, 楷体 but none of the GB2312 or 方正 fonts.
    const windows = folderWith({ Fonts: ['simsun.ttc', 'simhei.ttf', 'SIMFANG.TTF', 'simkai.ttf', 'arial.ttf'] });
    const chosen = chooseFonts(installedFontFiles([path.join(windows, 'Fonts')]));
    expect(chosen).toMatchObject({ title: '宋体', body: '仿宋', heading1: '黑体', heading2: '楷体', pageNumber: '宋体' });
    // With Office's 华文中宋 the title moves up the chain; a user-installed 仿宋_GB2312 in the per-user folder wins.
    const office = folderWith({ Fonts: ['simsun.ttc', 'STZHONGS.TTF', 'simfang.ttf'], 'User/Fonts': ['仿宋_GB2312.ttf', 'FZXBSJW.TTF'] });
    const both = installedFontFiles([path.join(office, 'Fonts'), path.join(office, 'User/Fonts')]);
    expect(pickFont(FONT_CHAINS.title, both)).toBe('方正小标宋简体');
    expect(pickFont(FONT_CHAINS.body, both)).toBe('仿宋_GB2312');
    expect(pickFont(FONT_CHAINS.title, installedFontFiles([path.join(office, 'Fonts')]))).toBe('华文中宋');
  });

  it('look into subfolders as Linux keeps them', () => {
    const linux = folderWith({ 'truetype/windows': ['simkai.ttf'], 'opentype/noto': ['NotoSansCJK-Regular.ttc'] });
    expect(chooseFonts(installedFontFiles([linux])).heading2).toBe('楷体');
  });

  it('are searched in the system and the user’s own font folders', () => {
    expect(fontFolders('win32', { WINDIR: 'D:\\Windows', LOCALAPPDATA: 'C:\\Users\\zs\\AppData\\Local' }, 'C:\\Users\\zs')).toEqual(['D:\\Windows\\Fonts', 'C:\\Users\\zs\\AppData\\Local\\Microsoft\\Windows\\Fonts']);
    expect(fontFolders('linux', {}, '/home/zs')).toEqual(expect.arrayContaining(['/usr/share/fonts', '/home/zs/.local/share/fonts']));
    expect(fontFolders('darwin', {}, '/Users/zs')).toEqual(['/Library/Fonts', '/Users/zs/Library/Fonts']);
  });
});
