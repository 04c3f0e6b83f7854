// A count against the previous year as printed in the tillsynsberättelse and on its page.

/** "+3", "-2" or "±0" (a hyphen: the PDF's WinAnsi font has no minus sign). */
export function changeText(count: number, previous: number): string {
  const diff = count - previous;
  return diff > 0 ? `+${diff}` : diff < 0 ? `-${-diff}` : '±0';
}
