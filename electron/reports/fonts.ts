import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/*
 * The 公文 fonts of the Word report and what stands in when a PC lacks them. Word picks fonts by
 * name, so a name the reader's PC has is what matters; we look at this PC's font folders for
 * the files that carry each name and take the first of each chain that is there. When nothing
 * can be found (no font folders, or none of a chain's files) the standard name stays: the
 * document still asks for 仿宋_GB2312 and reads right on the superior's PC that has it.
 */

export interface FontCandidate {
  /** The family name Word shows and the document names. */
  readonly name: string;
  /** File names that install it (compared without case). */
  readonly files: readonly string[];
}

const XIAOBIAOSONG: FontCandidate = { name: '方正小标宋简体', files: ['FZXBSJW.TTF', 'FZXBSJW--GB1-0.TTF', '方正小标宋简体.TTF', 'FZXiaoBiaoSong-B05S.TTF'] };
const XIAOBIAOSONG_GBK: FontCandidate = { name: '方正小标宋_GBK', files: ['FZXBSK.TTF', '方正小标宋_GBK.TTF'] };
const HUAWEN_ZHONGSONG: FontCandidate = { name: '华文中宋', files: ['STZHONGS.TTF', 'STZhongsong.TTF'] };
const SONGTI: FontCandidate = { name: '宋体', files: ['simsun.ttc', 'simsun.ttf', 'simsunb.ttf'] };
const FANGSONG_GB2312: FontCandidate = { name: '仿宋_GB2312', files: ['FS_GB2312.TTF', 'FSGB2312.TTF', '仿宋_GB2312.TTF', 'SIMFANG_GB2312.TTF'] };
const FANGSONG: FontCandidate = { name: '仿宋', files: ['simfang.ttf'] };
const HEITI: FontCandidate = { name: '黑体', files: ['simhei.ttf'] };
const KAITI_GB2312: FontCandidate = { name: '楷体_GB2312', files: ['KT_GB2312.TTF', 'KTGB2312.TTF', '楷体_GB2312.TTF', 'SIMKAI_GB2312.TTF'] };
const KAITI: FontCandidate = { name: '楷体', files: ['simkai.ttf'] };

/** Each role's fonts, best first (the README lists these). */
export const FONT_CHAINS = {
  /** 标题: 方正小标宋简体 2号. */
  title: [XIAOBIAOSONG, XIAOBIAOSONG_GBK, HUAWEN_ZHONGSONG, SONGTI],
  /** 正文, 三级标题 (bold), tables: 仿宋_GB2312 3号. */
  body: [FANGSONG_GB2312, FANGSONG, SONGTI],
  /** 一级标题 一、: 黑体. */
  heading1: [HEITI],
  /** 二级标题 （一）: 楷体_GB2312. */
  heading2: [KAITI_GB2312, KAITI],
  /** 页码: 宋体 4号. */
  pageNumber: [SONGTI],
} as const satisfies Record<string, readonly FontCandidate[]>;

export type FontRole = keyof typeof FONT_CHAINS;
export type ReportFonts = Readonly<Record<FontRole, string>> & {
  /** Digits and Latin letters in body text (公文 convention). */
  readonly latin: string;
};

/** The folders this PC keeps fonts in: the system's and the user's own. */
export function fontFolders(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string[] {
  if (platform === 'win32') {
    const windows = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    const folders = [path.win32.join(windows, 'Fonts')];
    if (env.LOCALAPPDATA) folders.push(path.win32.join(env.LOCALAPPDATA, 'Microsoft', 'Windows', 'Fonts'));
    return folders;
  }
  if (platform === 'darwin') return ['/Library/Fonts', path.posix.join(home, 'Library', 'Fonts')];
  return ['/usr/share/fonts', '/usr/local/share/fonts', path.posix.join(home, '.local', 'share', 'fonts'), path.posix.join(home, '.fonts')];
}

/** File names (lower case) under the folders, a few levels deep; unreadable folders are skipped. */
export function installedFontFiles(folders: readonly string[], depth = 4): Set<string> {
  const found = new Set<string>();
  const visit = (folder: string, level: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (level < depth) visit(path.join(folder, entry.name), level + 1);
      } else found.add(entry.name.toLowerCase());
    }
  };
  for (const folder of folders) visit(folder, 0);
  return found;
}

/** The first font of the chain whose file is installed, else the chain's standard (first) name. */
export function pickFont(chain: readonly FontCandidate[], installed: ReadonlySet<string>): string {
  const present = chain.find((candidate) => candidate.files.some((file) => installed.has(file.toLowerCase())));
  return (present ?? chain[0]!).name;
}

export function chooseFonts(installed: ReadonlySet<string>): ReportFonts {
  return {
    title: pickFont(FONT_CHAINS.title, installed),
    body: pickFont(FONT_CHAINS.body, installed),
    heading1: pickFont(FONT_CHAINS.heading1, installed),
    heading2: pickFont(FONT_CHAINS.heading2, installed),
    pageNumber: pickFont(FONT_CHAINS.pageNumber, installed),
    latin: 'Times New Roman',
  };
}

let chosen: ReportFonts | null = null;

/** This PC's choice, looked up once per run (font folders do not change while a report is made). */
export function reportFonts(): ReportFonts {
  chosen ??= chooseFonts(installedFontFiles(fontFolders()));
  return chosen;
}
