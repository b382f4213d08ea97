/**
 * Seed dates carry the precision their form shows: `2017` is a year, `2017-06` a month,
 * `2017-06-01` a day. Stored as the first day of the period, so that dates sort and compare,
 * plus the precision, so that nobody reads a made-up day into `2017-01-01`.
 */
import type { Precision } from '../model.js';

export interface SeedDate {
  date: string;
  precision: Precision;
}

/** The parsed date, or a message saying what is wrong with it. */
export function parseSeedDate(value: unknown): SeedDate | string {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return `a date must be written YYYY, YYYY-MM or YYYY-MM-DD (got ${JSON.stringify(value)})`;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!m) return `a date must be written YYYY, YYYY-MM or YYYY-MM-DD (got ${JSON.stringify(value)})`;
  const [, y, mo, d] = m;
  const year = Number(y);
  const month = mo ? Number(mo) : 1;
  const day = d ? Number(d) : 1;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (year < 1800 || year > 2100 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    return `${text} is not a real date`;
  }
  const precision: Precision = d ? 'DAY' : mo ? 'MONTH' : 'YEAR';
  return { date: probe.toISOString().slice(0, 10), precision };
}

/** How a stored date reads at its precision: `2017`, `2017-06` or `2017-06-01`. */
export function formatAtPrecision(date: string, precision: Precision | null | undefined): string {
  if (precision === 'YEAR') return date.slice(0, 4);
  if (precision === 'MONTH') return date.slice(0, 7);
  return date;
}
