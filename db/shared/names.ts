// One folding for every name that must be unique (units within a verksamhetsområde,
// verksamhetsområden, tillsynshandläggare, kvalitetskrav codes): two names are the same when
// their folds are equal. Stored beside the name (`name_folded`, `code_folded`) under a unique
// index, and used by the checks that give the Swedish message first. Pure, so the renderer may
// use it to warn early.

/**
 * Unicode NFC (a precomposed "å" and "a" + combining ring are one letter), trimmed, runs of
 * white space (tabs, no-break spaces) as one space, lower case by Swedish rules (Å Ä Ö, É, Ü
 * all fold; SQLite's lower() folds A–Z only).
 */
export function foldName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('sv');
}

/** Whether two names count as the same name. */
export function sameName(a: string, b: string): boolean {
  return foldName(a) === foldName(b);
}
