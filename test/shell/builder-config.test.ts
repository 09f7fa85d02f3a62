import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_EXTENSION } from '../../shared/sync/manifest';

/*
 * electron-builder.yml cannot be exercised here (a build downloads Electron), so it is checked as
 * electron-builder itself reads it: its own loader and schema validation, then the settings the
 * office PCs depend on.
 */

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

interface Target {
  readonly target: string;
  readonly arch: readonly string[];
}
interface FileAssociation {
  readonly ext: string | string[];
  readonly description?: string;
  readonly icon?: string;
  readonly mimeType?: string;
}
interface BuilderConfig {
  readonly productName: string;
  readonly icon: string;
  readonly directories: { readonly buildResources: string };
  readonly asar: boolean;
  readonly asarUnpack: readonly string[];
  /** getConfig normalises the list into one filter set. */
  readonly files: readonly { readonly filter: readonly string[] }[];
  readonly electronFuses: Record<string, boolean>;
  readonly fileAssociations: readonly FileAssociation[];
  readonly win: { readonly target: readonly Target[] };
  readonly nsis: Record<string, unknown>;
  readonly linux: { readonly target: readonly Target[] };
}

const builderConfig = require(path.join(root, 'node_modules/app-builder-lib/out/util/config/config.js')) as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<BuilderConfig>;
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require(path.join(root, 'node_modules/builder-util')) as { DebugLogger: new (enabled: boolean) => unknown };
const yaml = require('js-yaml') as { load(text: string): unknown };
const Ajv = require('ajv') as new (options: object) => { compile(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown } };

const rawText = fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
let config: BuilderConfig;
beforeAll(async () => {
  config = await builderConfig.getConfig(root, null, null);
});

const validate = (candidate: unknown) => builderConfig.validateConfiguration(candidate, new DebugLogger(false));

describe('electron-builder.yml is valid', () => {
  it('loads as electron-builder loads it and passes its own validation; a wrong option would not', async () => {
    expect(config.productName).toBe('目标台账');
    await expect(validate(config)).resolves.toBeUndefined();
    await expect(validate({ ...config, nsis: { ...config.nsis, perUser: true } })).rejects.toThrow(/nsis/);
    await expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } })).rejects.toThrow(/electronFuses/);
  });

  it('matches electron-builder’s JSON schema (app-builder-lib/scheme.json) checked with ajv', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as unknown;
    const check = new Ajv({ strict: false, allErrors: true }).compile(schema);
    const parsed = yaml.load(rawText);
    expect(check(parsed), JSON.stringify(check.errors)).toBe(true);
    expect(check({ ...(parsed as object), fileAssociations: [{ extension: 'tlpkg' }] })).toBe(false);
  });

  it('names the product and ships an icon of at least 256×256 for Windows and Linux', () => {
    const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { productName: string };
    expect(packageJson.productName).toBe('目标台账');
    const png = fs.readFileSync(path.join(root, config.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height, big-endian, right after the 8-byte signature and the chunk header.
    expect(Math.min(png.readUInt32BE(16), png.readUInt32BE(20))).toBeGreaterThanOrEqual(256);
    expect(path.dirname(config.icon)).toBe(config.directories.buildResources);
  });

  it('keeps the planning notes out and says what cannot be built', () => {
    expect(rawText).not.toMatch(/Still to come/i);
    expect(rawText).toMatch(/LoongArch/);
    expect(rawText).toMatch(/arm64 on an arm64 machine/);
  });
});

describe('installers for office PCs', () => {
  it('Windows: an NSIS installer per user without administrator, folder choice, in Chinese; and a portable build', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      deleteAppDataOnUninstall: false,
    });
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
  });

  it('Linux: deb and AppImage for x64 and arm64', () => {
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
  });

  it('flips the Electron fuses: no run-as-node, no inspect flags, no NODE_OPTIONS, asar integrity, app only from asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeCliInspectArguments: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(config.asar).toBe(true);
  });

  it('associates exactly the extension the sync code writes, with a Chinese description and the app icon', () => {
    expect(config.fileAssociations).toHaveLength(1);
    const association = config.fileAssociations[0]!;
    expect([association.ext].flat().map((ext) => `.${ext}`)).toEqual([PACKAGE_EXTENSION]);
    expect(association.description).toBe('目标台账数据包');
    expect(association.mimeType).toMatch(/^application\/x-[a-z-]+$/);
    // No icon of its own: electron-builder then uses tlpkg.ico if present, else the app's icon.
    expect(association.icon).toBeUndefined();
    expect(fs.existsSync(path.join(root, config.directories.buildResources, 'tlpkg.ico'))).toBe(false);
  });
});

/** Every package the app needs at run time: the dependencies' closure, as electron-builder copies it. */
function runtimePackages(): Map<string, string> {
  const found = new Map<string, string>();
  const resolve = (name: string, from: string): string | null => {
    for (let dir = from; ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', name);
      if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
      if (dir === root || path.dirname(dir) === dir) return null;
    }
  };
  const visit = (dir: string, optional: boolean, name: string, from: string) => {
    const where = resolve(name, from);
    if (!where) {
      if (!optional) throw new Error(`${name} is not installed (needed by ${dir})`);
      return;
    }
    const key = path.relative(root, where);
    if (found.has(key)) return;
    found.set(key, where);
    walk(where);
  };
  const walk = (dir: string) => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    for (const name of Object.keys(manifest['dependencies'] ?? {})) visit(dir, false, name, dir);
    // Optional ones (per-platform addons) only where npm installed them for this machine.
    for (const name of Object.keys(manifest['optionalDependencies'] ?? {})) visit(dir, true, name, dir);
  };
  walk(root);
  return found;
}

function nativeAddons(packageDir: string): string[] {
  const addons: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      // electron-builder leaves out the compiler's intermediate copies.
      if (entry.isDirectory() && entry.name !== 'obj.target' && entry.name !== '.deps' && entry.name !== 'node_modules') walk(full);
      else if (entry.isFile() && entry.name.endsWith('.node')) addons.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(packageDir);
  return addons;
}

describe('native addons outside the asar', () => {
  it('unpacks every .node file of every runtime dependency installed here', () => {
    const addons = [...runtimePackages().values()].flatMap(nativeAddons);
    const excluded = config.files.flatMap((set) => set.filter).filter((pattern) => pattern.startsWith('!'));
    const shipped = addons.filter((file) => !excluded.some((pattern) => minimatch(file, pattern.slice(1), { dot: true })));
    // Not vacuous: the database and the report charts' renderer are among them.
    expect(shipped).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(shipped.some((file) => file.startsWith('node_modules/@resvg/resvg-js-'))).toBe(true);
    const packed = shipped.filter((file) => !config.asarUnpack.some((pattern) => minimatch(file, pattern, { dot: true })));
    expect(packed).toEqual([]);
  });

  it('also unpacks the addons npm installs on the other build machines (arm64, Windows)', () => {
    const elsewhere = [
      'node_modules/@resvg/resvg-js-linux-arm64-gnu/resvgjs.linux-arm64-gnu.node',
      'node_modules/@resvg/resvg-js-win32-x64-msvc/resvgjs.win32-x64-msvc.node',
      'node_modules/@napi-rs/canvas-linux-arm64-gnu/skia.linux-arm64-gnu.node',
    ];
    for (const file of elsewhere) expect(config.asarUnpack.some((pattern) => minimatch(file, pattern, { dot: true })), file).toBe(true);
  });
});
