// Counts in the message catalog's texts are grouped the Swedish way, as the pages' own numbers are
// ("4 857 avvikelser", a no-break space), while plural forms still follow the count; every
// {{count}} in the catalog is formatted as a number, in both languages.
import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../renderer/i18n/index.ts';

initI18n();
const NBSP = '\u00a0';

describe('counts in the catalog', () => {
  it('groups thousands in Swedish and keeps the plural forms', async () => {
    await i18next.changeLanguage('sv');
    expect(i18next.t('deviations:summary', { count: 4857 })).toBe(`4${NBSP}857 avvikelser`);
    expect(i18next.t('tillsyn:followUp.count', { count: 1 })).toMatch(/^1 /);
    expect(i18next.t('tillsyn:followUp.count', { count: 50000 })).toMatch(new RegExp(`^50${NBSP}000 `));
  });

  it('formats every {{count}} in sv and en as a number', () => {
    const dir = path.resolve(import.meta.dirname, '../../../renderer/i18n');
    const plain = ['sv', 'en'].flatMap((lang) =>
      fs
        .readdirSync(path.join(dir, lang))
        .filter((f) => f.endsWith('.json'))
        .filter((f) => fs.readFileSync(path.join(dir, lang, f), 'utf8').includes('{{count}}'))
        .map((f) => `${lang}/${f}`),
    );
    expect(plain).toEqual([]);
  });
});
