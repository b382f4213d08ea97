/**
 * Checks across records, run once every record has been read: hierarchies without cycles,
 * and indicator series that hold one measure each.
 */
import type { SeedProblem } from './read.js';

export interface Edge { type: string; from: string; to: string; file: string; line: number }

/** Relationship types that form a hierarchy: a cycle in one would make a thing its own parent. */
export const HIERARCHIES = ['SUBSECTOR_OF', 'PART_OF'] as const;

/** One problem per cycle of each hierarchy, at the line of the relation that closes it, listing the cycle. */
export function hierarchyCycles(edges: readonly Edge[]): SeedProblem[] {
  const problems: SeedProblem[] = [];
  for (const type of HIERARCHIES) {
    const out = new Map<string, Edge[]>();
    for (const e of edges) if (e.type === type) out.set(e.from, [...(out.get(e.from) ?? []), e]);
    const state = new Map<string, 'open' | 'done'>();
    const stack: Edge[] = [];
    const reported = new Set<string>();
    const visit = (id: string) => {
      state.set(id, 'open');
      for (const e of out.get(id) ?? []) {
        if (state.get(e.to) === 'open') {
          const start = stack.findIndex((s) => s.from === e.to);
          const cycle = [...stack.slice(start === -1 ? stack.length : start), e];
          const ids = cycle.map((c) => c.from);
          const key = [...ids].sort().join('|');
          if (!reported.has(key)) {
            reported.add(key);
            problems.push({
              file: e.file, line: e.line, record: e.from,
              message: `${type} cycle: ${[...ids, e.to].join(' → ')} (a hierarchy cannot loop back on itself)`,
            });
          }
        } else if (!state.has(e.to)) {
          stack.push(e);
          visit(e.to);
          stack.pop();
        }
      }
      state.set(id, 'done');
    };
    for (const id of [...out.keys()].sort()) if (!state.has(id)) visit(id);
  }
  return problems;
}

export interface IndicatorPoint {
  id: string; file: string; line: number;
  metric: string; subject: string; sector: string | null; unit: string;
  year: number; kind: string; period: string; vintage: string | null;
}

/**
 * A series is every indicator with one metric, subject and sector: it must keep one unit (two
 * units are two measures, which need two metric names), and hold one value per year, kind,
 * period and vintage (a second one is another measure under the same name, or a duplicate).
 */
export function seriesProblems(points: readonly IndicatorPoint[]): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const units = new Map<string, IndicatorPoint>();
  const slots = new Map<string, IndicatorPoint>();
  for (const p of points) {
    const series = `${p.metric.trim().toLowerCase()}|${p.subject}|${p.sector ?? ''}`;
    const first = units.get(series);
    if (!first) units.set(series, p);
    else if (first.unit !== p.unit) {
      problems.push({
        file: p.file, line: p.line, record: p.id,
        message: `series "${p.metric}" of ${p.subject}${p.sector ? ` (${p.sector})` : ''} mixes units: "${p.unit}" here, "${first.unit}" in ${first.id}; a different measure needs its own metric name`,
      });
    }
    const slot = `${series}|${p.year}|${p.kind}|${p.period}|${p.vintage ?? ''}`;
    const taken = slots.get(slot);
    if (taken) {
      problems.push({
        file: p.file, line: p.line, record: p.id,
        message: `series "${p.metric}" of ${p.subject} already has a ${p.kind} value for ${p.year} (${taken.id}); a different measure needs its own metric name, a later forecast its vintage`,
      });
    } else slots.set(slot, p);
  }
  return problems;
}
