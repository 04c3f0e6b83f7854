// Numbers and dates as a Swedish reader expects them: 1 234 with a space, 2026-11-22, 14:05.
const numberFormat = new Intl.NumberFormat('sv-SE');
const pad = (n: number) => String(n).padStart(2, '0');
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A date (2026-11-22) as is; a timestamp as the local date it falls on. */
export function formatDate(iso: string): string {
  if (PLAIN_DATE.test(iso)) return iso;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A UTC timestamp as local Swedish date and time: 2026-11-23 14:05 (with seconds if asked). */
export function formatDateTime(iso: string, withSeconds = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}${withSeconds ? `:${pad(d.getSeconds())}` : ''}`;
  return `${formatDate(iso)} ${time}`;
}
