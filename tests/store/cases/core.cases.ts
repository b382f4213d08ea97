import { expect } from 'vitest';
import type { CatalogueCase } from '../catalogue-case.js';

export const cases: CatalogueCase[] = [
  {
    query: 'countByLabel',
    check: (rows) => {
      const counts = Object.fromEntries(rows.map((r) => [r.label, r.count]));
      expect(counts).toEqual({ Agency: 2, Event: 2, Firm: 3, Indicator: 2, Person: 1, Policy: 4, Region: 3, Sector: 5, Source: 5 });
    },
  },
  {
    query: 'countByRelationshipType',
    check: (rows) => {
      const counts = Object.fromEntries(rows.map((r) => [r.type, r.count]));
      expect(counts.SUBSECTOR_OF).toBe(3);
      expect(counts.CITED_IN).toBe(22);
      expect(counts.MEASURES).toBe(2);
      expect(rows.map((r) => r.type)).toEqual([...rows.map((r) => r.type as string)].sort());
    },
  },
  {
    query: 'countByBasis',
    title: 'citations per basis, of nodes and of hand-written relationships',
    check: (rows) => {
      const counts = Object.fromEntries(rows.map((r) => [`${r.holder} ${r.basis}`, r.count]));
      // One EXTERNAL citation on a node (Made in China 2025's date), one on a relationship
      // (its ISSUED_BY), one INFERRED relationship; CITED_IN and MEASURES are not counted twice.
      expect(counts['NODE EXTERNAL']).toBe(1);
      expect(counts['RELATIONSHIP EXTERNAL']).toBe(1);
      expect(counts['RELATIONSHIP INFERRED']).toBe(1);
      expect(counts['NODE INFERRED']).toBeUndefined();
      expect(Number(counts['NODE STATED'])).toBeGreaterThan(20);
    },
  },
];
