// The CLI command `import` (db/cli/main.ts lists it with its usage; loaded only when run).
import fs from 'node:fs';
import path from 'node:path';
import { CLI_IMPORTERS } from '../importers.ts';
import { dbPath, existingDb, option } from '../common.ts';
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
  // Loaded only here: the other commands should start fast and never load the API layer.
  const { createCore } = await import('../../core.ts');
  const core = createCore({
    ownFile: existingDb(file),
    migrationsFolder: run.env.migrationsFolder,
    appVersion: run.env.appVersion,
    profileDir: run.env.profileDir,
  });
  try {
    const result = await core.dispatch(importer.method, {
      file: { fileName: path.basename(source), contentBase64: fs.readFileSync(source).toString('base64') },
    });
    if (!result.ok) {
      run.env.err(`Importen gjordes inte: ${result.error.message}`);
      // Every error, as the preview in the app lists them: row, column, reason.
      for (const issue of result.error.issues ?? []) run.env.err(`  ${issue.field}: ${issue.message}`);
      return 1;
    }
    run.env.out(`Importerat (${importer.label}): ${JSON.stringify(result.value)}`);
    return 0;
  } finally {
    core.close(); // takes a backup, since the import wrote
  }
}
