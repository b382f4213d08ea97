import type { Precision } from '../../model.js';

/**
 * The parameters of a date range for the catalogue queries: a month or year date counts when
 * its period reaches into the range, so the queries compare it with the first day of `from`'s
 * month or year (see timelineEntityFacts.cypher).
 */
export function rangeParams(from: string | null | undefined, to: string | null | undefined) {
  const f = from ?? null;
  return {
    from: f,
    fromMonth: f ? `${f.slice(0, 7)}-01` : null,
    fromYear: f ? `${f.slice(0, 4)}-01-01` : null,
    to: to ?? null,
  };
}

/** True when a dated thing had begun by `asOf` (a date's period counts from its first day). */
export const begunBy = (date: string | null, asOf: string) => date === null || date <= asOf;

/** True when a thing that ended on `ended` had ended by `asOf`. */
export const endedBy = (ended: string | null, asOf: string) => ended !== null && ended <= asOf;

export type { Precision };
