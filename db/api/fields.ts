// Reusable, bounded zod fields with Swedish messages, shared by every area's contract.
import { z } from 'zod';
import { isCalendarDate } from '../shared/period.ts';
import { looksLikePersonnummer, PERSONNUMMER_MESSAGE } from '../shared/personalData.ts';

// Zod's own messages (wrong type, unknown key) in Swedish too.
z.config(z.locales.sv());
z.config({
  customError: (issue) =>
    issue.code === 'invalid_type' && issue.input === undefined
      ? `Uppgift saknas${issue.path?.length ? ` (${issue.path.join('.')})` : ''}.`
      : undefined,
});

export const id = z.string({ error: 'Id saknas.' }).uuid({ error: 'Ogiltigt id.' });

export function requiredText(label: string, max = 200) {
  return z
    .string({ error: `${label} måste vara text.` })
    .trim()
    .min(1, { error: `${label} måste fyllas i.` })
    .max(max, { error: `${label} får vara högst ${max} tecken.` });
}

export function optionalText(label: string, max = 2000) {
  return z
    .string({ error: `${label} måste vara text.` })
    .trim()
    .max(max, { error: `${label} får vara högst ${max} tecken.` });
}

/** Free text in a register without person data: a personnummer is refused (names only asked for). */
export function textWithoutPersonnummer(label: string, max = 2000) {
  return optionalText(label, max).refine((value) => !looksLikePersonnummer(value), { error: PERSONNUMMER_MESSAGE });
}

/** A calendar date as ISO text (2026-11-22), checked to exist (no 2026-02-30). */
export function isoDate(label: string) {
  return z
    .string({ error: `${label} måste vara ett datum.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} ska skrivas som ÅÅÅÅ-MM-DD.` })
    .refine(isCalendarDate, { error: `${label} är inget giltigt datum.` });
}

export function enumOf<T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.enum(values, { error: `Ogiltigt värde för ${label}.` });
}

/** An uploaded file: the renderer sends bytes, never a path. 20 MB of data as base64. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const uploadedFile = z.strictObject({
  fileName: requiredText('Filnamn', 255),
  contentBase64: z
    .string()
    .max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4, { error: 'Filen är för stor (högst 20 MB).' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Filens innehåll kunde inte läsas.' }),
});
export type UploadedFile = z.infer<typeof uploadedFile>;

/** A file produced for download. */
export interface DownloadFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export const noInput = z.strictObject({});
