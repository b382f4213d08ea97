/**
 * Disputed facts: where a source contradicts the official record (a wrong year, say), the
 * record keeps one value in its field and lists the other under `disputed`, each with its own
 * citations, so that both stay visible and the fact is marked as disputed:
 *
 *   issued: 2016-11-07                 # cited EXTERNAL (dates: [issued]) to the official text
 *   disputed:
 *     - field: issued
 *       value: 2017
 *       cite: [{ source: src-000, basis: STATED, locator: …, note: … }]
 */
import type { Precision } from '../model.js';
import { checkCitationList, storedCitation, type SourceInfo, type StoredCitation } from './citations.js';
import { parseSeedDate } from './dates.js';

export interface Dispute {
  field: string;
  /** A date as the first day of its period, or a number. */
  value: string | number;
  precision: Precision | null;
  citations: StoredCitation[];
}

const DISPUTE_FIELDS = ['field', 'value', 'cite'];

/**
 * Checks a `disputed` list. `fields` names the fields that may be disputed and their kind;
 * `current` the record's own values (a dispute of a field the record leaves empty, or with the
 * same value, says nothing).
 */
export function checkDisputes(
  value: unknown,
  fields: Record<string, 'date' | 'number'>,
  current: Record<string, unknown>,
  sources: ReadonlyMap<string, SourceInfo>,
  fail: (message: string) => void,
): Dispute[] {
  if (!Array.isArray(value) || value.length === 0) {
    fail('"disputed" must be a list of {field, value, cite}');
    return [];
  }
  const out: Dispute[] = [];
  value.forEach((item: unknown, i: number) => {
    const where = (m: string) => fail(`disputed ${i + 1}: ${m}`);
    if (!item || typeof item !== 'object' || Array.isArray(item)) return where('must be a map {field, value, cite}');
    const d = item as Record<string, unknown>;
    const unknown = Object.keys(d).filter((k) => !DISPUTE_FIELDS.includes(k));
    if (unknown.length) where(`unknown field(s) ${unknown.join(', ')} (allowed: ${DISPUTE_FIELDS.join(', ')})`);
    const field = String(d.field);
    const kind = fields[field];
    if (!kind) return where(`"field" must be one of ${Object.keys(fields).join(', ')} (got ${JSON.stringify(d.field)})`);
    if (current[field] === undefined || current[field] === null) return where(`the record has no ${field} to dispute: put the value in ${field} first`);
    const citations = checkCitationList(d.cite, sources, (m) => where(`cite: ${m}`)).map(storedCitation);
    if (kind === 'number') {
      if (typeof d.value !== 'number' || !Number.isFinite(d.value)) return where('"value" must be a number');
      if (d.value === current[field]) return where(`"value" is the record's own ${field}: a dispute needs the other value`);
      out.push({ field, value: d.value, precision: null, citations });
      return;
    }
    const parsed = parseSeedDate(d.value);
    if (typeof parsed === 'string') return where(`"value": ${parsed}`);
    const own = parseSeedDate(current[field]);
    if (typeof own === 'object' && own.date === parsed.date && own.precision === parsed.precision) {
      return where(`"value" is the record's own ${field}: a dispute needs the other value`);
    }
    out.push({ field, value: parsed.date, precision: parsed.precision, citations });
  });
  return out;
}
