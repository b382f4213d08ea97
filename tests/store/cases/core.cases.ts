import { expect } from 'vitest';
import type { CatalogueCase } from '../catalogue-case.js';

export const cases: CatalogueCase[] = [
  {
    query: 'countByLabel',
    check: (rows) => {
      const counts = Object.fromEntries(rows.map((r) => [r.label, r.count]));
      expect(counts).toEqual({ Agency: 2, Event: 2, Firm: 3, Indicator: 2, Person: 1, Policy: 4, Region: 3, Sector: 5, Source: 4 });
    },
  },
  {
    query: 'countByRelationshipType',
    check: (rows) => {
      const counts = Object.fromEntries(rows.map((r) => [r.type, r.count]));
      expect(counts.SUBSECTOR_OF).toBe(3);
      expect(counts.CITED_IN).toBe(21);
      expect(counts.MEASURES).toBe(2);
      expect(rows.map((r) => r.type)).toEqual([...rows.map((r) => r.type as string)].sort());
    },
  },
];
