/*
 * The page a browser without a session gets instead of the app: how to open it, nothing else
 * (no token, no data, no script).
 */

export const OPEN_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export type OpenPageReason = 'no-session' | 'spent-code';

const LEADS: Record<OpenPageReason, string> = {
  'no-session': '这个浏览器还没有打开目标台账的权限。',
  'spent-code': '这个地址已经用过或已失效（每个地址只能打开一次）。',
};

export function openPage(reason: OpenPageReason): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<title>目标台账浏览器版 · 请用启动时显示的地址打开</title>
<style>body{font-family:system-ui,"Microsoft YaHei",sans-serif;max-width:40em;margin:4em auto;padding:0 1em;line-height:1.7;color:#1f2937}h1{font-size:1.3em}</style>
</head>
<body>
<h1>请用启动时显示的地址打开目标台账</h1>
<p>${LEADS[reason]}</p>
<p>请回到启动“目标台账浏览器版”的窗口，复制其中显示的地址（以 http://127.0.0.1 开头、含 /open?t= 的那一行），粘贴到浏览器地址栏打开。</p>
<p>地址已用过或窗口已关闭时，请重新启动目标台账浏览器版（npm run web），使用新显示的地址。</p>
</body>
</html>
`;
}
