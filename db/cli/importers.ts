// The file importers the CLI offers: one row per importable kind, each an existing API method that
// takes an uploaded file. A new importer adds a row here and `import --<option> FILE` works.
import type { MethodName } from '../api/contract.ts';

export interface CliImporter {
  /** The command-line option: `import --units FILE`. */
  option: string;
  /** What is imported, in Swedish, for messages. */
  label: string;
  /** The contract method that commits a whole file in one transaction: input { file }. */
  method: MethodName;
  extensions: readonly string[];
}

export const CLI_IMPORTERS: readonly CliImporter[] = [
  { option: 'units', label: 'enheter', method: 'units.importCommit', extensions: ['.xlsx', '.csv'] },
  { option: 'deviations', label: 'avvikelser', method: 'deviations.importCommit', extensions: ['.xlsx', '.csv'] },
];
