/**
 * Citations of seed records: `{ source, locator, note, basis }`, plus `dates` on a record's own
 * citations (which of its dates the citation gives). The basis says how the cited passage
 * supports the fact, and the rules that keep it honest live here:
 *  - every citation has a basis, one of STATED, INFERRED, EXTERNAL;
 *  - EXTERNAL means the five source documents do not say it, so it never cites one of them
 *    (a source with a `file`), and a citation of any other source (an official origin) is
 *    EXTERNAL by definition;
 *  - INFERRED needs its reasoning spelled out in the note.
 */
import { BASES, type Basis } from '../model.js';

export interface Citation {
  source: string;
  locator: string;
  note: string;
  basis: Basis;
  /** The record's date fields this citation gives (record citations only). */
  dates: string[];
}

export interface SourceInfo {
  /** True for the five documents (a source with a `file`), false for official origins. */
  isDocument: boolean;
}

const CITE_FIELDS = ['source', 'locator', 'note', 'basis', 'dates'];

/**
 * Checks one `cite:` list; `fail` receives each problem. `dateFields` are the date fields a
 * citation may name in `dates` (none for relations, disputes and indicators).
 */
export function checkCitationList(
  value: unknown,
  sources: ReadonlyMap<string, SourceInfo>,
  fail: (message: string) => void,
  dateFields: readonly string[] = [],
): Citation[] {
  if (!Array.isArray(value) || value.length === 0) {
    fail('needs at least one citation ({source, locator, note, basis})');
    return [];
  }
  const out: Citation[] = [];
  for (const c of value) {
    if (!c || typeof c !== 'object' || Array.isArray(c)) {
      fail('a citation must be a map {source, locator, note, basis}');
      continue;
    }
    const cite = c as Record<string, unknown>;
    const allowed = dateFields.length ? CITE_FIELDS : CITE_FIELDS.filter((f) => f !== 'dates');
    const unknown = Object.keys(cite).filter((k) => !allowed.includes(k));
    if (unknown.length) fail(`unknown citation field(s) ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`);
    const source = typeof cite.source === 'string' ? sources.get(cite.source) : undefined;
    if (!source) fail(`unknown source id ${JSON.stringify(cite.source)} (see sources.yaml)`);
    if (typeof cite.locator !== 'string' || !cite.locator.trim()) fail('a citation needs a locator (section or heading)');
    const note = typeof cite.note === 'string' ? cite.note.trim() : '';
    const basis = cite.basis;
    if (basis === undefined || basis === null || basis === '') {
      fail(`citation of ${String(cite.source)} needs a basis: ${BASES.join(', ')}`);
    } else if (!(BASES as readonly unknown[]).includes(basis)) {
      fail(`citation of ${String(cite.source)}: unknown basis ${JSON.stringify(basis)} (use ${BASES.join(', ')})`);
    } else if (basis === 'EXTERNAL' && source?.isDocument) {
      fail(`citation of ${String(cite.source)} is EXTERNAL, but ${String(cite.source)} is one of the source documents: EXTERNAL cites an official origin listed in sources.yaml`);
    } else if (basis !== 'EXTERNAL' && source && !source.isDocument) {
      fail(`citation of ${String(cite.source)} is ${String(basis)}, but ${String(cite.source)} is not one of the source documents: what only another origin says is EXTERNAL`);
    }
    if (!note) {
      fail(basis === 'INFERRED'
        ? `an INFERRED citation of ${String(cite.source)} needs its reasoning in the note`
        : 'a citation needs a short note in our own words');
    }
    const dates: string[] = [];
    if (cite.dates !== undefined) {
      if (!Array.isArray(cite.dates) || cite.dates.some((d) => typeof d !== 'string')) fail('"dates" must be a list of date fields');
      else {
        for (const d of cite.dates as string[]) {
          if (!dateFields.includes(d)) fail(`"dates" names ${JSON.stringify(d)}, which is not a date field here (${dateFields.join(', ')})`);
          else dates.push(d);
        }
      }
    }
    out.push({
      source: String(cite.source), locator: String(cite.locator ?? ''), note: String(cite.note ?? ''),
      basis: (BASES as readonly unknown[]).includes(basis) ? (basis as Basis) : 'STATED', dates,
    });
  }
  return out;
}

/** The four parallel lists a node or relationship stores its citations in. */
export function citationColumns(cs: readonly Citation[]) {
  return {
    citeSources: cs.map((c) => c.source),
    citeLocators: cs.map((c) => c.locator),
    citeNotes: cs.map((c) => c.note),
    citeBases: cs.map((c) => c.basis),
  };
}

/**
 * The bases that support one date field of a record, comma-joined in strength order: those of
 * the citations naming the field in `dates`, or, when none does, of all the record's citations.
 */
export function dateBases(field: string, cs: readonly Citation[]): string {
  const naming = cs.filter((c) => c.dates.includes(field));
  const used = new Set((naming.length ? naming : cs).map((c) => c.basis));
  return BASES.filter((b) => used.has(b)).join(',');
}

/** A citation as the API and the exports read it back from a dispute's JSON. */
export interface StoredCitation { sourceId: string; locator: string; note: string; basis: Basis }

export const storedCitation = (c: Citation): StoredCitation => ({ sourceId: c.source, locator: c.locator, note: c.note, basis: c.basis });
