// Registers that must hold no data about persons (lex Sarah and lex Maria cases) refuse text that
// looks like a Swedish personnummer or samordningsnummer. Names cannot be told from other words,
// so for them the forms only ask; a number is caught here, on both sides of the contract.

// YYMMDD or YYYYMMDD, an optional - or + (or space), four digits; not part of a longer number.
// The day may be 61–91 (samordningsnummer). No checksum test: a mistyped number is still one.
const PERSONNUMMER = /(?<![\d-])(?:(?:19|20)\d{2}|\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+ ]?\d{4}(?![\d-])/;

/** True when the text holds something written like a personnummer (850709-1234, 198507091234 …). */
export function looksLikePersonnummer(text: string): boolean {
  return PERSONNUMMER.test(text);
}

export const PERSONNUMMER_MESSAGE =
  'Texten ser ut att innehålla ett personnummer. Skriv inga personnummer eller namn – registret får inte innehålla uppgifter om enskilda personer.';
