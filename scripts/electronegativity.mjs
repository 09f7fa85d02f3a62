// Security audit of the Electron shell with electronegativity; fails on any finding (only the two
// CSP remarks in REVIEWED, which the tool itself marks for manual review, are accepted, narrowly).
//   node scripts/electronegativity.mjs                 build main + preload into a temp folder, scan them
//   node scripts/electronegativity.mjs --built <dir>   scan an existing build: <dir>/main/*.js, <dir>/preload/*.cjs
//   add --verbose to see the tool's own log.
//
// Why not just `electronegativity -i out`: the CLI exits 0 whatever it finds; its bundled parsers
// cannot read newer TypeScript (a file it cannot parse silently yields no findings), so we scan
// the built JavaScript; it skips *.cjs (our sandboxed preload), so files are staged as *.js; and it
// fetches translations and Electron release lists from the internet, which this audit never does.
// Proof that every file was really read: a second scan of copies with a known violation appended
// must report that violation at the end of each copy (a file it stopped parsing early would not).
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const toolEntry = require.resolve('@doyensec/electronegativity');
const toolDist = path.dirname(toolEntry);

/** Appended to each staged copy in the proof scan; must yield NODE_INTEGRATION_JS_CHECK there. */
export const CANARY = '\n;new BrowserWindow({ webPreferences: { nodeIntegration: true } });\n';
const CANARY_CHECK = 'NODE_INTEGRATION_JS_CHECK';

/** The page, scanned alongside so the CSP checks see the policy its meta tag sets. */
const PAGE = path.join(projectRoot, 'renderer/index.html');

/** Replace the `got` HTTP client the tool loads with one that always fails: no network, no waiting. */
function cutNetwork() {
  const users = ['locales/i18n.js', 'finder/checks/GlobalChecks/AvailableSecurityFixesGlobalCheck.js'];
  const offline = () => Promise.reject(new Error('offline'));
  const stub = Object.assign(offline, { head: offline, get: offline });
  for (const user of users) {
    const file = createRequire(path.join(toolDist, user)).resolve('got');
    const module = new Module(file);
    Object.assign(module, { filename: file, loaded: true, exports: stub });
    require.cache[file] = module;
  }
}

/** The built files to audit: every script of main/ and preload/ (the entries must be there). */
export function builtFiles(builtDir) {
  const list = (dir) =>
    fs.existsSync(path.join(builtDir, dir))
      ? fs
          .readdirSync(path.join(builtDir, dir))
          .filter((name) => /\.(c|m)?js$/.test(name))
          .sort()
          .map((name) => `${dir}/${name}`)
      : [];
  // worker.js is the database thread: Electron's API does not exist there (and lint forbids it).
  const files = [...list('main').filter((file) => file !== 'main/worker.js'), ...list('preload')];
  const missing = ['main/index.js', 'preload/index.cjs'].filter((entry) => !files.includes(entry));
  if (missing.length) throw new Error(`构建结果中缺少：${missing.join('、')}（目录 ${builtDir}）`);
  return files;
}

/** The tool only reads *.js: stage each file as <name>.js (with the canary appended, if given). */
function stage(builtDir, files, canary = '') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-audit-'));
  const staged = new Map();
  for (const file of files) {
    const target = file.replace(/\.(c|m)js$/, '.js');
    const source = fs.readFileSync(path.join(builtDir, file), 'utf8');
    fs.mkdirSync(path.join(dir, path.dirname(target)), { recursive: true });
    fs.writeFileSync(path.join(dir, target), source + canary);
    staged.set(target, { file, lines: source.split('\n').length });
  }
  if (!canary) fs.copyFileSync(PAGE, path.join(dir, 'index.html'));
  return { dir, staged };
}

async function scan(dir, log) {
  const run = require(toolEntry);
  const electronVersion = require('electron/package.json').version;
  // The tool chats on the console (translations, release lists); keep that out of the report.
  const saved = { log: console.log, info: console.info, warn: console.warn };
  console.log = console.info = console.warn = (...args) => log.push(args.join(' '));
  try {
    return await run(
      { input: dir, isRelative: true, customScan: [], excludeFromScan: [], parserPlugins: [], electronVersionOverride: electronVersion },
      false,
    );
  } finally {
    Object.assign(console, saved);
  }
}

const portable = (file) => file.split(path.sep).join('/');

/**
 * Findings the tool itself marks "Review Required" that were reviewed, each matched narrowly.
 * Both are about the CSP, which a static read cannot settle:
 * - the page's policy allows scripts from 'self' (the tool suggests nonces or hashes for a web
 *   site that might host JSONP or uploads). The page is a local file; the session cancels every
 *   request outside the app's own files (test/shell/security.test.ts). Any other remark on the
 *   policy still fails.
 * - the header the session sets holds a variable the tool cannot read; that variable is the
 *   same policy, tested equal to the page's meta tag (test/shell/security.test.ts).
 */
export const REVIEWED = [
  {
    why: "页面的 CSP 只允许本程序自身文件中的脚本（'self'）；会话拒绝本程序文件以外的一切请求",
    matches: (finding) =>
      finding.id === 'CSP_GLOBAL_CHECK' && finding.file === 'index.html' && finding.manualReview && onlySelfInScriptSrc(finding.sample),
  },
  {
    why: 'CSP 响应头取自变量（与页面 meta 中的策略相同，已测试），工具无法读取变量',
    matches: (finding) =>
      finding.id === 'CSP_GLOBAL_CHECK' && finding.manualReview && finding.sample === undefined && /^result\["Content-Security-Policy"\] = \[policy\];$/.test(finding.source),
  },
];

/** True if the policy parses and the evaluator's only concern is 'self' in script-src. */
function onlySelfInScriptSrc(policy) {
  if (typeof policy !== 'string') return false;
  const csp = require(createRequire(toolEntry).resolve('@doyensec/csp-evaluator'));
  const concerns = new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3)
    .evaluate()
    .filter((f) => [csp.severities.HIGH, csp.severities.MEDIUM, csp.severities.HIGH_MAYBE, csp.severities.MEDIUM_MAYBE, csp.severities.SYNTAX].includes(f.severity));
  return concerns.length > 0 && concerns.every((f) => f.directive === 'script-src' && f.value === "'self'");
}

/** Scan a build; the result says what was scanned, what was found, and whether the audit passes. */
export async function audit(builtDir) {
  cutNetwork();
  const files = builtFiles(builtDir);
  const log = [];
  const real = stage(builtDir, files);
  const proof = stage(builtDir, files, CANARY);
  try {
    const result = await scan(real.dir, log);
    const proofResult = await scan(proof.dir, log);
    const sourceLine = (file, line) => fs.readFileSync(path.join(real.dir, file), 'utf8').split('\n')[line - 1]?.trim() ?? '';
    const all = result.issues.map((issue) => {
      const staged = portable(issue.file);
      const line = issue.location?.line ?? 0;
      return {
        id: issue.id,
        file: real.staged.get(staged)?.file ?? staged,
        line,
        severity: issue.severity?.name ?? '',
        confidence: issue.confidence?.name ?? '',
        manualReview: Boolean(issue.manualReview),
        description: issue.description,
        sample: issue.sample,
        source: staged !== 'N/A' && line > 0 ? sourceLine(staged, line) : '',
      };
    });
    const reviewed = [];
    const findings = [];
    for (const finding of all) {
      const rule = REVIEWED.find((candidate) => candidate.matches(finding));
      if (rule) reviewed.push({ ...finding, why: rule.why });
      else findings.push(finding);
    }
    const relative = (file) => portable(path.relative(file.startsWith(proof.dir) ? proof.dir : real.dir, file));
    // The same parse error shows up in both scans; report it once.
    const errors = [...new Map([...result.errors, ...proofResult.errors].map((error) => [`${relative(error.file)}\n${error.message}`, { file: relative(error.file), message: error.message }])).values()];

    const scanned = [...proof.staged].map(([target, { file, lines }]) => ({
      file,
      // The appended violation is reported past the original end only if the whole file was parsed.
      proven: proofResult.issues.some((issue) => issue.id === CANARY_CHECK && portable(issue.file) === target && issue.location?.line > lines),
      findings: findings.filter((finding) => finding.file === file).length,
    }));

    const problems = [
      ...errors.map((error) => `无法解析 ${error.file}：${error.message}`),
      ...scanned.filter((entry) => !entry.proven).map((entry) => `无法证明已扫描 ${entry.file}：追加在文件末尾的违规未被报告`),
      ...findings.map((f) => `${f.id}（${f.severity}/${f.confidence}）${f.file}:${f.line} ${f.description}${f.source ? `\n      ${f.source.slice(0, 160)}` : ''}`),
    ];
    return { passed: problems.length === 0, checks: result.globalChecks + result.atomicChecks, scanned, findings, reviewed, errors, problems, log };
  } finally {
    fs.rmSync(real.dir, { recursive: true, force: true });
    fs.rmSync(proof.dir, { recursive: true, force: true });
  }
}

function print(report, verbose) {
  if (verbose) for (const line of report.log) console.log(`  [electronegativity] ${line}`);
  console.log(`electronegativity：已加载 ${report.checks} 项检查，扫描 ${report.scanned.length} 个构建文件（另读取 renderer/index.html 供 CSP 检查）`);
  for (const entry of report.scanned) console.log(`  ${entry.proven ? '已扫描' : '未确认'} ${entry.file}：${entry.findings} 项发现`);
  for (const f of report.reviewed) console.log(`  已复核 ${f.id} ${f.file}${f.line ? `:${f.line}` : ''}：${f.why}`);
  if (report.passed) console.log('electronegativity：未发现问题');
  else {
    console.log(`electronegativity：审计未通过（${report.problems.length} 项）`);
    for (const problem of report.problems) console.log(`  ✗ ${problem}`);
  }
}

async function main(argv) {
  const verbose = argv.includes('--verbose');
  const at = argv.indexOf('--built');
  if (at >= 0) {
    const dir = argv[at + 1];
    if (!dir) throw new Error('用法：node scripts/electronegativity.mjs [--built <构建目录>] [--verbose]');
    return audit(path.resolve(dir)).then((report) => (print(report, verbose), report.passed));
  }
  const { buildShell } = await import('./build-shell.mjs');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-shell-'));
  try {
    await buildShell(outDir);
    const report = await audit(outDir);
    print(report, verbose);
    return report.passed;
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  // exit() rather than exitCode: the tool leaves handles open; console output to a pipe is written synchronously.
  main(process.argv.slice(2)).then(
    (passed) => process.exit(passed ? 0 : 1),
    (error) => {
      console.log(`electronegativity：审计无法完成：${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
