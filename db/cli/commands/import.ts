// The CLI command `import` (db/cli/main.ts lists it with its usage; loaded only when run).
import fs from 'node:fs';
import path from 'node:path';
import { CLI_IMPORTERS } from '../importers.ts';
import { dbPath, importThroughCore, option } from '../common.ts';
import { CliFailure, UsageError, type Run } from '../command.ts';

export async function execute(run: Run): Promise<number> {
  const file = dbPath(run, true);
  const chosen = CLI_IMPORTERS.filter((i) => run.args.options.has(i.option));
  if (chosen.length !== 1) throw new UsageError(`Ange precis en av ${CLI_IMPORTERS.map((i) => `--${i.option}`).join(', ')}.`);
  const importer = chosen[0]!;
  const source = option(run, importer.option, true) ?? '';
  if (!fs.existsSync(source)) throw new CliFailure(`Filen finns inte: ${source}`);
  if (!importer.extensions.includes(path.extname(source).toLowerCase())) {
    throw new CliFailure(`Filtypen stöds inte för ${importer.label}. Använd ${importer.extensions.join(' eller ')}.`);
  }
  const upload = { fileName: path.basename(source), contentBase64: fs.readFileSync(source).toString('base64') };
  return importThroughCore(run, file, importer.method, { file: upload }, importer.label);
}
