import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchArgs, resolveAppPaths } from '../../../electron/paths.ts';

const cwd = path.resolve('/home/anna');

describe('parseLaunchArgs', () => {
  it('has no database and no demo by default', () => {
    expect(parseLaunchArgs(['/usr/bin/electron', '.'], {}, cwd)).toEqual({ dbPath: undefined, demo: false });
  });

  it('reads --db PATH and --db=PATH, resolving relative paths against cwd', () => {
    expect(parseLaunchArgs(['electron', '.', '--db', 'data/tillsyn.db'], {}, cwd).dbPath).toBe(path.resolve(cwd, 'data/tillsyn.db'));
    expect(parseLaunchArgs(['app', '--db=/srv/kv.db'], {}, cwd).dbPath).toBe(path.resolve('/srv/kv.db'));
  });

  it('reads --demo anywhere among Chromium switches', () => {
    expect(parseLaunchArgs(['app', '--no-sandbox-not-really', '--demo', '--lang=sv'], {}, cwd).demo).toBe(true);
  });

  it('takes KVALITETSNAVET_DB when --db is absent, and lets --db win over it', () => {
    const env = { KVALITETSNAVET_DB: '/srv/env.db' };
    expect(parseLaunchArgs(['app'], env, cwd).dbPath).toBe(path.resolve('/srv/env.db'));
    expect(parseLaunchArgs(['app', '--db', '/srv/arg.db'], env, cwd).dbPath).toBe(path.resolve('/srv/arg.db'));
  });

  it('ignores a --db with no value instead of swallowing the next switch', () => {
    expect(parseLaunchArgs(['app', '--db', '--demo'], {}, cwd)).toEqual({ dbPath: undefined, demo: true });
  });
});

describe('resolveAppPaths', () => {
  const where = { appRoot: '/opt/kv/resources/app.asar', userData: '/home/anna/.config/Kvalitetsnavet', resourcesPath: '/opt/kv/resources' };

  it('puts the default database in userData', () => {
    const paths = resolveAppPaths({ dbPath: undefined, demo: false }, { ...where, isPackaged: true });
    expect(paths.dbFile).toBe(path.join(where.userData, 'kvalitetsnavet.db'));
  });

  it('uses migrations from resourcesPath when packaged and from db/migrations in development', () => {
    expect(resolveAppPaths({ dbPath: undefined, demo: false }, { ...where, isPackaged: true }).migrationsFolder).toBe(
      path.join('/opt/kv/resources', 'migrations'),
    );
    expect(
      resolveAppPaths({ dbPath: undefined, demo: false }, { ...where, appRoot: '/work/main', isPackaged: false }).migrationsFolder,
    ).toBe(path.join('/work/main', 'db', 'migrations'));
  });

  it('finds the renderer and the CommonJS preload under dist/', () => {
    const paths = resolveAppPaths({ dbPath: '/x.db', demo: true }, { ...where, appRoot: '/work/main', isPackaged: false });
    expect(paths).toMatchObject({
      dbFile: '/x.db',
      startInDemo: true,
      rendererRoot: path.join('/work/main', 'dist', 'renderer'),
      preloadPath: path.join('/work/main', 'dist', 'electron', 'preload.cjs'),
    });
  });
});
