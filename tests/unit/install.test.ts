import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('a fresh install needs no compiler', () => {
  it('tells every npm version to skip dependency install scripts (node-gyp for the SQLite driver) and to enforce engines', () => {
    const lines = fs.readFileSync(path.join(root, '.npmrc'), 'utf8').split('\n').map((l) => l.trim());
    expect(lines).toContain('ignore-scripts=true');
    expect(lines).toContain('engine-strict=true');
  });

  it('ships the SQLite driver with prebuilt binaries for Windows, macOS and Linux on x64 and arm64', () => {
    const driverDir = path.join(root, 'node_modules', 'better-sqlite3');
    const prebuilds = fs.readdirSync(path.join(driverDir, 'prebuilds'));
    for (const platform of ['win32-x64', 'win32-arm64', 'darwin-x64', 'darwin-arm64', 'linux-x64', 'linux-arm64']) {
      expect(prebuilds).toContain(`${platform}.node`);
    }
  });

  it('has no compiled build/ folder under the driver (npm ran no node-gyp)', () => {
    expect(fs.existsSync(path.join(root, 'node_modules', 'better-sqlite3', 'build'))).toBe(false);
  });
});

describe('the declared Node versions', () => {
  type LockedPackage = { engines?: { node?: string }; optional?: boolean; dev?: boolean };
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };
  const satisfies = (version: string, range: string): boolean =>
    (createRequire(import.meta.url)('semver') as { satisfies: (v: string, r: string) => boolean }).satisfies(version, range);

  // engine-strict=true makes npm refuse any package whose engines exclude the running Node, so
  // the lowest version of each major we declare must satisfy every installed package.
  it.each(['22.13.0', '24.0.0'])('Node %s satisfies our engines and every locked package', (version) => {
    const ours = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(satisfies(version, ours)).toBe(true);
    const refusing = Object.entries(lock.packages)
      .filter(([name, pkg]) => name !== '' && !pkg.optional && pkg.engines?.node !== undefined && !satisfies(version, pkg.engines.node))
      .map(([name, pkg]) => `${name} ${pkg.engines?.node ?? ''}`);
    expect(refusing).toEqual([]);
  });
});
