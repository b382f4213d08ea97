/**
 * Properties the loaders derive from a record so that an index can answer a question the
 * record's own properties cannot (both engines store them; only Neo4j indexes them):
 * - `exactKeys` (every entity): its id and its name, Chinese name and aliases in lower case,
 *   each between two unit separators (U+001F), so that "a name or alias equals the search
 *   text" is one `CONTAINS` of the text between separators, which Neo4j's text index answers
 *   (searchExact; no index serves a lower-cased or list-element equality);
 * - `listDate`, `listDatePrecision` (policies): the date a policy is listed and filtered by,
 *   its issue date or, when that is unknown, its effective date; UNDATED for neither, so that
 *   the range index on it holds every policy in list order (policiesPage, policiesCount).
 */
import type { NodeRow } from './graph-data.js';

export const KEY_SEPARATOR = '\u001f';

/** The listDate of a policy with neither an issue nor an effective date: listed last. */
export const UNDATED = '9999-12-31';

/** The exactKeys text of an entity (see the header); names compared as JavaScript lower-cases them. */
export function exactKeys(id: string, names: readonly unknown[]): string {
  const keys = [id, ...names.filter((n): n is string => typeof n === 'string' && n !== '').map((n) => n.toLowerCase())];
  return KEY_SEPARATOR + keys.map((k) => k.replaceAll(KEY_SEPARATOR, ' ')).join(KEY_SEPARATOR) + KEY_SEPARATOR;
}

/**
 * What searchExact looks for: the search text as a key, or null when it cannot be one (it
 * holds the separator itself).
 */
export function exactSearchKey(text: string): string | null {
  const t = text.trim().toLowerCase();
  return t === '' || t.includes(KEY_SEPARATOR) ? null : KEY_SEPARATOR + t + KEY_SEPARATOR;
}

/** The listDate and its precision of a policy row (issued, else effective, else UNDATED). */
export function listDate(row: NodeRow): { listDate: string; listDatePrecision: string | null } {
  if (row.issued) return { listDate: row.issued as string, listDatePrecision: (row.issuedPrecision as string | null) ?? null };
  if (row.effective) return { listDate: row.effective as string, listDatePrecision: (row.effectivePrecision as string | null) ?? null };
  return { listDate: UNDATED, listDatePrecision: null };
}

/** Rows each backfill statement writes at most (bounded transactions on a large graph). */
const BACKFILL_BATCH = 10_000;

/**
 * Fills the derived properties of a graph loaded before they existed, with the catalogue's
 * backfill queries (one batch per call, until one writes less than a batch); a graph that
 * has them costs one scan per query. Run by both adapters' migrations.
 */
export async function backfillDerived(run: (name: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>): Promise<number> {
  let total = 0;
  const steps: [string, Record<string, unknown>][] = [
    ['backfillExactKeys', { sep: KEY_SEPARATOR, limit: BACKFILL_BATCH }],
    ['backfillListDate', { limit: BACKFILL_BATCH }],
  ];
  for (const [name, params] of steps) {
    for (;;) {
      const [row] = await run(name, params);
      const written = Number(row?.written ?? 0);
      total += written;
      if (written < BACKFILL_BATCH) break;
    }
  }
  return total;
}
