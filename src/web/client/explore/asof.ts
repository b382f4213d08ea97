/**
 * What an entity was on a given day, from its dates at their precision: a draft, issued but
 * not yet in force, in force, ended; a body established or dissolved; a firm founded. A date
 * known to its year or month counts from the start of that period and is said to be uncertain
 * when the day falls inside it.
 */

export interface DatedFacts {
  type: string;
  kind?: unknown;
  issuedLabel?: unknown; effectiveLabel?: unknown; endedLabel?: unknown;
  establishedLabel?: unknown; foundedLabel?: unknown; dateLabel?: unknown;
}

/** -1 when `label` (2017, 2017-06 or 2017-06-01) is after `day`, 0 when `day` is within its period, 1 when before. */
function relation(label: string, day: string): -1 | 0 | 1 {
  const prefix = day.slice(0, label.length);
  if (label > prefix) return -1;
  if (label === prefix && label.length < 10) return 0;
  return 1;
}

export function statusAsOf(e: DatedFacts, day: string | null): string {
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const issued = str(e.issuedLabel);
  const effective = str(e.effectiveLabel);
  const ended = str(e.endedLabel);
  const begun = e.type === 'POLICY' ? issued ?? effective : e.type === 'AGENCY' ? str(e.establishedLabel) : e.type === 'FIRM' ? str(e.foundedLabel) : e.type === 'EVENT' ? str(e.dateLabel) : null;
  const when = day ? `as of ${day}` : 'today';
  if (!['POLICY', 'AGENCY', 'FIRM', 'EVENT'].includes(e.type)) return '';
  if (!begun) return `Undated: nothing in the graph says when it began, so it cannot be placed ${day ? `at ${day}` : 'in time'}.`;
  if (!day) {
    if (ended) return `Ended ${ended}.`;
    if (e.type === 'POLICY' && e.kind === 'DRAFT_LAW') return `Draft, published ${begun}.`;
    if (e.type === 'POLICY' && effective) return `In force since ${effective}${issued ? ` (issued ${issued})` : ''}.`;
    return '';
  }
  const b = relation(begun, day);
  const verb = e.type === 'POLICY' ? (e.kind === 'DRAFT_LAW' ? 'published' : 'issued') : e.type === 'AGENCY' ? 'established' : e.type === 'FIRM' ? 'founded' : 'happened';
  if (b === -1) return `Not yet ${verb} ${when} (${verb} ${begun}).`;
  if (b === 0) return `${cap(verb)} during ${begun}: perhaps not yet ${when}.`;
  if (ended) {
    const x = relation(ended, day);
    if (x === 1) return `Ended ${when} (ended ${ended}).`;
    if (x === 0) return `Ended during ${ended}: perhaps still current ${when}.`;
  }
  if (e.type === 'POLICY') {
    if (e.kind === 'DRAFT_LAW') return `A draft ${when} (published ${begun}).`;
    if (effective) {
      const f = relation(effective, day);
      if (f === -1) return `Issued ${issued ?? '?'} but not yet in force ${when} (takes effect ${effective}).`;
      if (f === 0) return `Takes effect during ${effective}: perhaps not yet in force ${when}.`;
      return `In force ${when} (since ${effective}).`;
    }
    return `Issued ${when} (${begun}); the graph does not say when it took effect.`;
  }
  return `${cap(verb)} ${begun}; current ${when}.`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
