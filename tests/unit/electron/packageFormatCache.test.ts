// The resolve hook browser mode runs with (scripts/packageFormatCache.ts): for the imports it
// answers itself it gives Node's own answer, and it leaves every other import to Node.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResolveFnOutput, ResolveHookContext } from 'node:module';
import { describe, expect, it } from 'vitest';
import { packageTypeOf, resolveWithPackageCache } from '../../../scripts/packageFormatCache.ts';
import { projectRoot } from '../../helpers/server.ts';

const drizzle = path.join(projectRoot, 'node_modules', 'drizzle-orm');
const context = (parentURL: string, conditions = ['node', 'import', 'module-sync', 'node-addons']): ResolveHookContext =>
  ({ parentURL, conditions, importAttributes: {} });

/** Stands in for Node's resolver: records what it was asked. */
function nodeResolver() {
  const asked: string[] = [];
  const next = (specifier: string): ResolveFnOutput => {
    asked.push(specifier);
    return { url: `node:${specifier}`, format: 'builtin' };
  };
  return { asked, next };
}

describe('packageFormatCache', () => {
  it('answers a relative .js import inside an ES-module package with the real path and format module', () => {
    const { asked, next } = nodeResolver();
    const parent = pathToFileURL(path.join(drizzle, 'sql', 'sql.js')).href;
    const answer = resolveWithPackageCache('../entity.js', context(parent), next);
    expect(answer).toEqual({ url: pathToFileURL(fs.realpathSync(path.join(drizzle, 'entity.js'))).href, format: 'module', shortCircuit: true });
    // What Node itself answers for the same import.
    expect(answer.url).toBe(import.meta.resolve('drizzle-orm/entity'));
    expect(asked).toEqual([]);
  });

  it('leaves to Node: a missing file, a CommonJS package, require(), and imports from outside node_modules', () => {
    const { asked, next } = nodeResolver();
    const inDrizzle = pathToFileURL(path.join(drizzle, 'index.js')).href;
    resolveWithPackageCache('./no-such-file.js', context(inDrizzle), next);
    resolveWithPackageCache('./entity.js', context(inDrizzle, ['node', 'require']), next);
    resolveWithPackageCache('./lib/index.js', context(pathToFileURL(path.join(projectRoot, 'node_modules', 'better-sqlite3', 'index.js')).href), next);
    resolveWithPackageCache('./open.ts', context(pathToFileURL(path.join(projectRoot, 'db', 'core.ts')).href), next);
    expect(asked).toEqual(['./no-such-file.js', './entity.js', './lib/index.js', './open.ts']);
    expect(packageTypeOf(path.join(drizzle, 'sql'))).toBe('module');
    expect(packageTypeOf(path.join(projectRoot, 'node_modules', 'better-sqlite3', 'lib'))).toBe('commonjs');
  });

  it('asks Node once per folder for a package imported from the app', () => {
    const { asked, next } = nodeResolver();
    const a = pathToFileURL(path.join(projectRoot, 'db', 'schema', 'units-probe-a.ts')).href;
    const b = pathToFileURL(path.join(projectRoot, 'db', 'schema', 'units-probe-b.ts')).href;
    const elsewhere = pathToFileURL(path.join(projectRoot, 'db', 'writes', 'probe.ts')).href;
    const first = resolveWithPackageCache('probe-package', context(a), next);
    expect(resolveWithPackageCache('probe-package', context(b), next)).toEqual({ ...first, shortCircuit: true });
    resolveWithPackageCache('probe-package', context(elsewhere), next);
    expect(asked).toEqual(['probe-package', 'probe-package']);
  });
});
