// Runs Doyensec's electronegativity offline over electron/, the built dist/electron, the renderer's
// index.html and package.json, and fails on any finding not in the reviewed baseline
// (tests/security/electronegativity-baseline.json). The tool itself always exits 0.
// Run: node scripts/electronegativity.ts [--no-build]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { buildElectron } from './build-electron.ts';

const root = path.resolve(import.meta.dirname, '..');
export const BASELINE_FILE = path.join(root, 'tests', 'security', 'electronegativity-baseline.json');

export interface Finding {
  ruleId: string;
  /** Relative to the scanned tree, with forward slashes, e.g. dist/electron/main.js. */
  file: string;
  line: number;
  message: string;
}

export interface BaselineEntry {
  ruleId: string;
  file: string;
  reason: string;
}

interface SarifLog {
  runs: {
    results: {
      ruleId: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[];
    }[];
  }[];
}

/** The tree electronegativity sees: our main-process sources, the bundles and the page they load. */
function stageInput(dir: string): void {
  const copy = (from: string, to = from) => {
    fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    fs.cpSync(path.join(root, from), path.join(dir, to), { recursive: true });
  };
  copy('electron');
  copy('dist/electron/main.js');
  // It reads .js, not .cjs.
  copy('dist/electron/preload.cjs', 'dist/electron/preload.js');
  copy('renderer/index.html');
  // It needs the electron version from package.json, or it assumes 0.1.0 and reports stale checks.
  copy('package.json');
}

export function parseSarif(text: string): Finding[] {
  const log = JSON.parse(text) as SarifLog;
  return log.runs.flatMap((run) =>
    run.results.map((r) => {
      const location = r.locations[0]?.physicalLocation;
      return {
        ruleId: r.ruleId,
        file: (location?.artifactLocation.uri ?? '').replaceAll('\\', '/').replace(/^\.?\//, ''),
        line: location?.region?.startLine ?? 0,
        message: r.message.text,
      };
    }),
  );
}

export function unexpectedFindings(findings: Finding[], baseline: BaselineEntry[]): Finding[] {
  return findings.filter((f) => !baseline.some((b) => b.ruleId === f.ruleId && b.file === f.file));
}

/** Baseline entries that no longer match anything: the finding was fixed, so the entry should go. */
export function staleBaseline(findings: Finding[], baseline: BaselineEntry[]): BaselineEntry[] {
  return baseline.filter((b) => !findings.some((f) => f.ruleId === b.ruleId && f.file === b.file));
}

/** The tool writes its SARIF file with an unawaited fs.writeFile: wait until it is complete. */
async function readWhenWritten(file: string): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (fs.existsSync(file)) {
      const text = fs.readFileSync(file, 'utf8');
      try {
        JSON.parse(text);
        return text;
      } catch {
        // still being written
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`electronegativity wrote no SARIF file (${file})`);
}

export async function runElectronegativity(options: { build?: boolean } = {}): Promise<Finding[]> {
  if (options.build !== false) await buildElectron();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kn-electronegativity-'));
  const input = path.join(work, 'app');
  const output = path.join(work, 'electronegativity.sarif');
  stageInput(input);
  const require = createRequire(import.meta.url);
  // Offline: its only network use is fetching translations with `got`, whose retry timer crashes the
  // process when the network is down. Answer that request with an immediate failure; the bundled
  // en-US texts are used. (The other network check is excluded below.)
  const Module = require('node:module') as { _load: (request: string, ...rest: unknown[]) => unknown };
  const load = Module._load;
  Module._load = function (request: string, ...rest: unknown[]) {
    if (request === 'got') return () => Promise.reject(new Error('offline'));
    return load.call(this, request, ...rest);
  };
  const log = console.log;
  try {
    console.log = () => {};
    const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>, forCli: boolean) => Promise<unknown>;
    await run(
      {
        input,
        output,
        isSarif: true,
        customScan: [],
        excludeFromScan: ['availablesecurityfixesglobalcheck'],
        severitySet: undefined,
        confidenceSet: undefined,
        isRelative: true,
        isVerbose: false,
        electronUpgrade: undefined,
        electronVersionOverride: undefined,
        parserPlugins: [],
      },
      false,
    );
  } finally {
    console.log = log;
    Module._load = load;
  }
  const findings = parseSarif(await readWhenWritten(output));
  fs.rmSync(work, { recursive: true, force: true });
  return findings;
}

export function readBaseline(): BaselineEntry[] {
  return JSON.parse(fs.readFileSync(BASELINE_FILE, 'utf8')) as BaselineEntry[];
}

if (import.meta.main) {
  const findings = await runElectronegativity({ build: !process.argv.includes('--no-build') });
  const baseline = readBaseline();
  const unexpected = unexpectedFindings(findings, baseline);
  const stale = staleBaseline(findings, baseline);
  console.log(`electronegativity: ${findings.length} fynd, ${findings.length - unexpected.length} granskade i baslinjen.`);
  for (const f of unexpected) console.log(`NYTT: ${f.ruleId} ${f.file}:${f.line} – ${f.message}`);
  for (const b of stale) console.log(`INAKTUELL baslinjepost (fyndet finns inte längre): ${b.ruleId} ${b.file}`);
  process.exitCode = unexpected.length > 0 ? 1 : 0;
}
