// `self-assessment …`: the självskattning commands for IT staff and checks. `results` writes a
// year's results per unit and area as a CSV file; further subcommands (import) are one more
// entry in the group.
import fs from 'node:fs';
import path from 'node:path';
import { getResults, noTemplateError, findTemplate } from '../queries/selfAssessment.ts';
import { resultsCsv } from '../io/selfAssessmentCsv.ts';
import { fsyncDir, fsyncFile } from '../backup/files.ts';
import { CliFailure, UsageError, commandGroup, type Run, type Subcommand } from './command.ts';
import { dbPath, importThroughCore, openReadOnly, option, textOption } from './common.ts';

function yearOption(run: Run): number {
  const text = textOption(run, 'year', true) ?? '';
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2000 || year > 2100) throw new UsageError(`--year ska vara ett år mellan 2000 och 2100, inte "${text}".`);
  return year;
}

const results: Subcommand = {
  usage: 'self-assessment results --db FIL --year ÅR --out FIL.csv',
  describe:
    'Skriver självskattningens resultat för ett år, en rad per enhet och område: År;Enhet;Område;Medel;Median;Antal svar;Ej tillämplig;Obesvarade ' +
    '(semikolon, UTF-8 med BOM, decimalkomma). Obesvarade och ej tillämplig räknas aldrig som 0. Databasen öppnas skrivskyddad.',
  run: (run) => {
    const file = dbPath(run, true);
    const year = yearOption(run);
    const out = option(run, 'out', true) ?? '';
    if (!fs.existsSync(path.dirname(out))) throw new CliFailure(`Mappen finns inte: ${path.dirname(out)}`);
    const sqlite = openReadOnly(file);
    let csv: string;
    let unitCount: number;
    try {
      const hasTables = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'self_assessment_templates'").get();
      if (!hasTables) throw new CliFailure('Databasen har ingen självskattning än (den kommer från en äldre version). Öppna den i appen en gång först.');
      const db = { sqlite };
      if (!findTemplate(db, year)) throw new CliFailure(noTemplateError(year).message);
      const view = getResults(db, year);
      csv = resultsCsv(view);
      unitCount = view.units.length;
    } finally {
      sqlite.close();
    }
    // Written beside and renamed, so a reader never sees half a file.
    const partial = path.join(path.dirname(out), `.${path.basename(out)}.partial`);
    try {
      fs.writeFileSync(partial, csv, 'utf8');
      fsyncFile(partial);
      fs.renameSync(partial, out);
      fsyncDir(path.dirname(out));
    } catch (error) {
      fs.rmSync(partial, { force: true });
      throw new CliFailure(`Filen kunde inte skrivas: ${out} (${error instanceof Error ? error.message : String(error)})`);
    }
    run.env.out(`Självskattningen ${year}: ${unitCount} enheter × 5 områden skrivna till ${out}`);
    return 0;
  },
};

const importAnswers: Subcommand = {
  usage: 'self-assessment import --db FIL --file FIL.xlsx|FIL.csv [--create-template]',
  describe:
    'Importerar svar: ett ifyllt formulär eller en fil med kolumnerna År, Enhet, Område, Påstående, Poäng, Kommentar (Poäng 1–10, tom eller ' +
    '"ej tillämplig"). Allt eller inget i en transaktion; varje fel listas med rad och kolumn. Varje enhet i filen får filens svar för året ' +
    '(tidigare svar ersätts). --create-template skapar årets mall av filens påståenden när året saknar mall.',
  run: async (run) => {
    const file = dbPath(run, true);
    const source = option(run, 'file', true) ?? '';
    if (!fs.existsSync(source)) throw new CliFailure(`Filen finns inte: ${source}`);
    if (!['.xlsx', '.csv'].includes(path.extname(source).toLowerCase())) throw new CliFailure('Filtypen stöds inte för svar. Använd .xlsx eller .csv.');
    const upload = { fileName: path.basename(source), contentBase64: fs.readFileSync(source).toString('base64') };
    const input = { files: [upload], createTemplate: run.args.options.has('create-template') };
    return importThroughCore(run, file, 'selfAssessment.importCommit', input, 'självskattningens svar');
  },
};

export const { execute } = commandGroup({ results, import: importAnswers });
