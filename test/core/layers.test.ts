import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

/**
 * The layer rules live in eslint.config.js; these fixtures prove a wrong import fails lint
 * (and a right one passes), so the rules cannot silently stop working.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

const cases: { file: string; code: string; verdict: 'reject' | 'allow'; why: string }[] = [
  { file: 'shared/domain/bad.ts', code: "import fs from 'node:fs';\nexport const x = fs;\n", verdict: 'reject', why: 'shared/ is pure: no Node' },
  { file: 'shared/domain/bad.ts', code: "import { app } from 'electron';\nexport const x = app;\n", verdict: 'reject', why: 'shared/ is pure: no Electron' },
  { file: 'shared/domain/bad.ts', code: "import { Core } from '../../electron/core/core';\nexport type X = Core;\n", verdict: 'reject', why: 'shared/ must not depend on app layers' },
  { file: 'shared/domain/bad.ts', code: 'export const w = window.innerWidth;\n', verdict: 'reject', why: 'shared/ has no DOM' },
  { file: 'shared/domain/good.ts', code: "import { z } from 'zod';\nexport const s = z.string();\n", verdict: 'allow', why: 'shared/ may use pure libraries' },
  { file: 'electron/services/bad.ts', code: "import { dialog } from 'electron';\nexport const d = dialog;\n", verdict: 'reject', why: 'the core must not import electron' },
  { file: 'electron/core/bad.ts', code: "import { createWindow } from '../main/window';\nexport const c = createWindow;\n", verdict: 'reject', why: 'the core must not depend on the shell' },
  { file: 'electron/services/good.ts', code: "import fs from 'node:fs';\nexport const f = fs;\n", verdict: 'allow', why: 'the core may use Node' },
  { file: 'electron/main/good.ts', code: "import { app } from 'electron';\nexport const a = app;\n", verdict: 'allow', why: 'the shell may import electron' },
  { file: 'electron/preload/bad.ts', code: "import { contract } from '../../shared/api';\nexport const c = contract;\n", verdict: 'reject', why: 'the preload may only import types' },
  { file: 'electron/preload/good.ts', code: "import type { LedgerApi } from '../../shared/api';\nexport type L = LedgerApi;\n", verdict: 'allow', why: 'type imports are erased' },
  { file: 'renderer/src/bad.ts', code: "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n", verdict: 'reject', why: 'the renderer uses the contract only' },
  { file: 'renderer/src/bad.ts', code: "import { Core } from '../../electron/core/core';\nexport type C = Core;\n", verdict: 'reject', why: 'the renderer must not import the core' },
  { file: 'renderer/src/bad.ts', code: "import fs from 'fs';\nexport const f = fs;\n", verdict: 'reject', why: 'the renderer has no Node' },
  { file: 'renderer/src/good.ts', code: "import { contract } from '../../shared/api';\nexport const c = contract;\n", verdict: 'allow', why: 'the renderer may use the shared contract' },
];

describe('layer rules', () => {
  for (const { file, code, verdict, why } of cases) {
    it(`${verdict === 'reject' ? 'rejects' : 'allows'}: ${why} (${file})`, async () => {
      const messages = await restrictedImports(file, code);
      if (verdict === 'reject') expect(messages.length).toBeGreaterThan(0);
      else expect(messages).toEqual([]);
    });
  }
});
