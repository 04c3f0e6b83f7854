import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MAIN_EXTERNALS, mainOptions, preloadOptions } from '../../../scripts/build-electron.ts';

const root = path.resolve(import.meta.dirname, '../../..');

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  extraResources: { from: string; to: string }[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  npmRebuild: boolean;
  win: { target: string[] };
  mac: { target: string[] };
  linux: { target: string[]; category: string; maintainer: string };
  nsis: { deleteAppDataOnUninstall: boolean };
  icon: string;
}

const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('se.kvalitetsnavet.app');
    expect(config.productName).toBe('Kvalitetsnavet');
    expect(config.directories.output).toBe('release');
  });

  it('builds installers for all three platforms', () => {
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/\S+ <\S+@\S+>/);
  });

  it('flips the fuses to the hardened settings', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('decides every fuse electron-builder knows (a new upstream fuse fails here until it is decided)', () => {
    const scheme = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    // wasmTrapHandlers is left at Electron's default on purpose (reliability.md §1.2).
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties).filter((f) => f !== 'wasmTrapHandlers');
    expect(Object.keys(config.electronFuses).sort()).toEqual(known.sort());
  });

  it('ships the migrations beside the asar, where the main process looks for them', () => {
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'db/migrations', to: 'migrations' }));
  });

  it('packs only the built app, and unpacks the native SQLite binary', () => {
    expect(config.files).toContain('dist/**');
    expect(config.files).toContain('package.json');
    expect(config.files).toContain('!tests/**');
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    expect(config.npmRebuild).toBe(false);
  });

  it('never deletes the user’s data on uninstall', () => {
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('has a 512×512 PNG icon', () => {
    const png = fs.readFileSync(path.join(root, config.icon));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
  });
});

describe('build output agrees with package.json and the main process', () => {
  it('builds main.js where package.json "main" points', () => {
    expect(pkg.main).toBe('dist/electron/main.js');
    expect(path.relative(root, String(mainOptions.outfile))).toBe(path.normalize(pkg.main));
    expect(pkg.scripts['build:electron']).toBe('node scripts/build-electron.ts');
  });

  it('bundles main as ESM for Node, keeping electron and the native module external', () => {
    expect(mainOptions).toMatchObject({ format: 'esm', platform: 'node', bundle: true });
    expect(MAIN_EXTERNALS).toEqual(expect.arrayContaining(['electron', 'better-sqlite3']));
  });

  it('bundles the preload as CommonJS (sandboxed preloads cannot be ES modules) with only electron external', () => {
    expect(preloadOptions).toMatchObject({ format: 'cjs', bundle: true, external: ['electron'] });
    expect(String(preloadOptions.outfile).endsWith(path.join('dist', 'electron', 'preload.cjs'))).toBe(true);
  });
});
