// Run from source, Node 24 learns the format of every .js file it loads from an ES-module package
// by reading that package's package.json again, its whole "exports" map parsed anew each time
// (nodejs/node#58126). drizzle-orm's package.json is 179 KB and the server loads about 110 of its
// files: ≈ 200 MB of peak memory and seconds of start (issue 19); a CLI command that opens a database
// loads them too. scripts/serve.ts and scripts/cli.ts register this resolve hook. It answers that one
// case itself with one read per package: a relative import of an existing .js file from a module
// inside node_modules whose nearest package.json says "type": "module". It gives the URL (the real
// path) and format Node would give. It also remembers Node's answer to a package name imported from
// a folder of the app (the same for every file there: 30 files import 'drizzle-orm'). Everything
// else goes to Node's own resolver. The packaged app is bundled and never needs it.
import fs from 'node:fs';
import { registerHooks, type ResolveHookContext, type ResolveFnOutput } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const RELATIVE_JS = /^\.{1,2}\/[^?#]*\.js$/;

/** Folder → the "type" of the nearest package.json at or above it, inside node_modules ('commonjs' when it has none). */
const typeByFolder = new Map<string, string>();

export function packageTypeOf(folder: string): string {
  const known = typeByFolder.get(folder);
  if (known !== undefined) return known;
  const manifest = path.join(folder, 'package.json');
  let type: string;
  if (fs.existsSync(manifest)) {
    try {
      const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { type?: unknown };
      type = parsed.type === 'module' ? 'module' : 'commonjs';
    } catch {
      type = 'unreadable'; // Node's own resolver reports it
    }
  } else {
    const parent = path.dirname(folder);
    type = parent === folder || path.basename(folder) === 'node_modules' ? 'commonjs' : packageTypeOf(parent);
  }
  typeByFolder.set(folder, type);
  return type;
}

type NextResolve = (specifier: string, context?: Partial<ResolveHookContext>) => ResolveFnOutput;

const BARE = /^[^./#][^:]*$/;
/** Node's answer to a package name imported from a folder of the app: the same for every file in that folder. */
const packageImports = new Map<string, ResolveFnOutput>();

/** The hook: Node's own answer for a relative .js import inside an ES-module package, without its per-file package.json parse. */
export function resolveWithPackageCache(specifier: string, context: ResolveHookContext, nextResolve: NextResolve): ResolveFnOutput {
  const parent = context.parentURL;
  if (parent?.startsWith('file:') && !parent.includes('/node_modules/') && BARE.test(specifier)) {
    const key = `${path.dirname(fileURLToPath(parent))}\0${specifier}\0${context.conditions.join(',')}\0${JSON.stringify(context.importAttributes)}`;
    const known = packageImports.get(key);
    if (known) return { ...known, shortCircuit: true };
    const resolved = nextResolve(specifier, context);
    packageImports.set(key, resolved);
    return resolved;
  }
  if (!parent?.startsWith('file:') || !parent.includes('/node_modules/') || !RELATIVE_JS.test(specifier) || !context.conditions.includes('import')) {
    return nextResolve(specifier, context);
  }
  const file = fileURLToPath(new URL(specifier, parent));
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return nextResolve(specifier, context);
  const real = fs.realpathSync(file);
  if (!real.includes(`${path.sep}node_modules${path.sep}`) || packageTypeOf(path.dirname(real)) !== 'module') return nextResolve(specifier, context);
  return { url: pathToFileURL(real).href, format: 'module', shortCircuit: true };
}

/** Registers the hook for this process; a no-op under --preserve-symlinks (Node would not take the real path then). */
export function registerPackageFormatCache(): void {
  if (process.execArgv.some((a) => a.startsWith('--preserve-symlinks'))) return;
  registerHooks({ resolve: resolveWithPackageCache });
}
